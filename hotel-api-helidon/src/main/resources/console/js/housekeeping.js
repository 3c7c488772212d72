// The housekeeping board: every room with its status and who arrives in it today; one tap changes it.
import { all, get, patch } from './api.js';
import { act, h, say } from './ui.js';
import { can } from './roles.js';
import { refreshProperty } from './app.js';

const WORDS = { clean: 'Clean', dirty: 'Dirty', inspected: 'Inspected', out_of_order: 'Out of order' };
const SYMBOL = { clean: '✓', dirty: '✗', inspected: '★', out_of_order: '⊘' };

export async function show(root, context) {
  const property = await refreshProperty();
  const pid = property.id;
  const today = property.business_date;
  const [rooms, arrivals] = await Promise.all([
    all(`/properties/${pid}/rooms`),
    can(context.role, 'arrivals') ? get(`/properties/${pid}/reports/arrivals?date=${today}`).then(r => r.bookings) : [],
  ]);
  const arriving = new Map(arrivals.filter(b => b.room_number).map(b => [b.room_number, b]));
  const unassignedByType = new Map();
  for (const b of arrivals.filter(b => !b.room_number)) unassignedByType.set(b.room_type, (unassignedByType.get(b.room_type) || 0) + 1);

  const filter = h('div', { class: 'segmented', role: 'group', 'aria-label': 'Show rooms' },
    ['all', 'dirty', 'clean', 'inspected'].map(f => h('button', { type: 'button', 'aria-pressed': String(f === 'all'), 'data-filter': f,
      onclick: e => {
        for (const b of filter.querySelectorAll('button')) b.setAttribute('aria-pressed', String(b === e.currentTarget));
        for (const card of board.children) card.hidden = f !== 'all' && card.dataset.status !== f;
      } }, f === 'all' ? 'All rooms' : WORDS[f])));
  const counts = ['dirty', 'clean', 'inspected'].map(s => `${rooms.filter(r => r.housekeeping_status === s).length} ${WORDS[s].toLowerCase()}`).join(', ');
  const board = h('ul', { class: 'hk-board', 'aria-label': 'Rooms' });
  for (const room of rooms) board.append(card(room));
  root.append(h('div', { class: 'screen-head' }, h('h1', {}, 'Housekeeping'), filter),
    h('p', { class: 'hint' }, `${rooms.length} rooms: ${counts}. ${arrivals.length} arrivals today` +
      (unassignedByType.size ? ` (${[...unassignedByType].map(([t, n]) => `${n} ${t} not yet in a room`).join(', ')})` : '') + '.'),
    board);

  function outOfOrderToday(room) {
    return room.out_of_order.some(p => p.from <= today && today < p.to);
  }

  function card(room) {
    const ooo = outOfOrderToday(room);
    const status = ooo ? 'out_of_order' : room.housekeeping_status;
    const guest = arriving.get(room.number);
    const buttons = ooo ? [] : ['dirty', 'clean', 'inspected'].filter(s => s !== room.housekeeping_status).map(s =>
      h('button', { type: 'button', class: s === 'clean' ? 'primary' : '', 'data-set': s,
        'aria-label': `Mark ${WORDS[s].toLowerCase()}: room ${room.number}`,
        onclick: async e => {
          const updated = await act(e.currentTarget, () => patch(`/properties/${pid}/rooms/${room.number}`, { housekeeping_status: s }),
            `Room ${room.number} is ${WORDS[s].toLowerCase()}.`);
          if (updated) {
            const fresh = card(updated);
            li.replaceWith(fresh);
            fresh.querySelector('button')?.focus();
          }
        } }, `Mark ${WORDS[s].toLowerCase()}`));
    const li = h('li', { class: `hk-card hk-${status}`, dataset: { room: room.number, status } },
      h('div', { class: 'hk-top' }, h('strong', { class: 'hk-number' }, room.number), h('span', { class: 'hk-type' }, room.room_type)),
      h('p', { class: 'hk-status' }, h('span', { 'aria-hidden': 'true' }, SYMBOL[status], ' '), WORDS[status],
        ooo ? ` · ${room.out_of_order.find(p => p.from <= today && today < p.to).reason}` : ''),
      h('p', { class: 'hk-arrival' }, guest ? `Arrival today (${guest.adults + guest.children} guest${guest.adults + guest.children === 1 ? '' : 's'})` : h('span', { class: 'muted' }, 'No arrival')),
      can(context.role, 'housekeeping') ? h('div', { class: 'hk-actions' }, buttons) : null);
    return li;
  }
}
