// The tape chart: rooms down the side by room type, nights across from the business date, a bar per booking.
// A confirmed booking is dragged (or moved with the keyboard: M) to another room; the server decides, and a
// refused move snaps back with the reason.
import { all, post } from './api.js';
import { addDays, alertError, clearAlert, dayLabel, daysBetween, h, say, STATUS_WORDS } from './ui.js';
import { can } from './roles.js';

const SHOWN = ['confirmed', 'checked_in', 'checked_out'];
const SHORT = { confirmed: '', checked_in: 'In · ', checked_out: 'Out · ' };
/** An unassigned row shows this many lanes of bars until it is opened. */
const FOLDED_LANES = 3;

export async function show(root, context) {
  let nights = Number(sessionStorage.getItem('hotelkit.tape.nights')) || 14;
  const property = context.property;
  const pid = property.id;
  const mayMove = can(context.role, 'assign');
  const heading = h('h1', {}, 'Tape chart');
  const chooser = h('div', { class: 'segmented', role: 'group', 'aria-label': 'Nights shown' },
    [14, 30].map(n => h('button', { type: 'button', 'data-nights': n, 'aria-pressed': String(n === nights),
      onclick: () => { nights = n; sessionStorage.setItem('hotelkit.tape.nights', n); load().catch(alertError); } }, `${n} nights`)));
  const legend = h('ul', { class: 'legend', 'aria-label': 'Legend' },
    SHOWN.map(s => h('li', {}, h('span', { class: `swatch bar st-${s}`, 'aria-hidden': 'true' }), STATUS_WORDS[s])),
    h('li', {}, h('span', { class: 'swatch ooo', 'aria-hidden': 'true' }), 'Out of order'));
  const help = h('p', { class: 'hint' }, mayMove
    ? 'Drag a confirmed booking to another room of its type, or focus it and press M to pick the room. Click or Enter opens it.'
    : 'Click a booking to open it.');
  const chart = h('div', { class: 'tape', id: 'tape' });
  const timing = h('p', { class: 'hint', id: 'tape-timing' });
  root.append(h('div', { class: 'screen-head' }, heading, chooser), legend, help, chart, timing);

  async function load() {
    for (const b of chooser.querySelectorAll('button')) b.setAttribute('aria-pressed', String(Number(b.dataset.nights) === nights));
    chart.setAttribute('aria-busy', 'true');
    const from = property.business_date;
    const to = addDays(from, nights);
    const [types, rooms, bookings] = await Promise.all([
      all(`/properties/${pid}/room-types`),
      all(`/properties/${pid}/rooms`),
      all(`/properties/${pid}/bookings?from=${from}&to=${to}`),
    ]);
    const started = performance.now();
    render(chart, { types, rooms, bookings: bookings.filter(b => SHOWN.includes(b.status)), from, nights, mayMove, pid });
    const rendered = performance.now() - started;
    chart.dataset.renderMs = rendered.toFixed(1);
    chart.dataset.bookings = String(bookings.length);
    timing.textContent = `${rooms.length} rooms, ${bookings.length} bookings, drawn in ${Math.round(rendered)} ms.`;
    chart.removeAttribute('aria-busy');
  }

  chart.addEventListener('tape:changed', () => load().catch(alertError));
  await load();
}

/** Greedy lanes for bookings that share a row: each bar takes the first lane free on its first night. */
function lanes(bookings) {
  const ends = [];
  const placed = [];
  for (const b of [...bookings].sort((x, y) => x.checkin_date.localeCompare(y.checkin_date))) {
    let lane = ends.findIndex(end => end <= b.checkin_date);
    if (lane < 0) {
      lane = ends.length;
      ends.push(b.checkout_date);
    } else {
      ends[lane] = b.checkout_date;
    }
    placed.push({ booking: b, lane });
  }
  return { placed, count: Math.max(1, ends.length) };
}

function render(chart, { types, rooms, bookings, from, nights, mayMove, pid }) {
  const to = addDays(from, nights);
  const byRoom = new Map();
  const unassigned = new Map();
  for (const b of bookings) {
    if (b.room_number) {
      if (!byRoom.has(b.room_number)) byRoom.set(b.room_number, []);
      byRoom.get(b.room_number).push(b);
    } else {
      if (!unassigned.has(b.room_type)) unassigned.set(b.room_type, []);
      unassigned.get(b.room_type).push(b);
    }
  }
  const table = h('div', { class: 'tape-grid', role: 'region', 'aria-label': `Bookings from ${dayLabel(from)}, ${nights} nights` });
  table.style.setProperty('--nights', String(nights));
  const head = h('div', { class: 'tape-row tape-head' }, h('div', { class: 'tape-label' }, 'Room'));
  const days = h('div', { class: 'tape-days' });
  for (let i = 0; i < nights; i++) {
    const date = addDays(from, i);
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    const [name, day] = dayLabel(date).split(' ');
    days.append(h('div', { class: `tape-day${weekday === 5 || weekday === 6 ? ' weekend' : ''}${i === 0 ? ' today' : ''}`, title: dayLabel(date) },
      h('span', {}, name), h('span', {}, day)));
  }
  head.append(days);
  table.append(head);

  const bar = (b, lane, laneCount) => {
    const start = Math.max(0, daysBetween(from, b.checkin_date));
    const end = Math.min(nights, daysBetween(from, b.checkout_date));
    const movable = mayMove && b.status === 'confirmed';
    // The accessible name begins with the bar's visible text, then says the rest.
    const label = `${SHORT[b.status]}${b.confirmation_code}: ${STATUS_WORDS[b.status]}, ${b.room_type}${b.room_number ? ` room ${b.room_number}` : ' unassigned'}, ${dayLabel(b.checkin_date)} to ${dayLabel(b.checkout_date)}, ${b.adults + b.children} guests`;
    const el = h('button', { type: 'button', class: `bar st-${b.status}${movable ? ' movable' : ''}`, title: label, 'aria-label': label,
      dataset: { booking: b.id, type: b.room_type, room: b.room_number || '', status: b.status, from: b.checkin_date, to: b.checkout_date } },
      h('span', {}, `${SHORT[b.status]}${b.confirmation_code}`));
    el.style.left = `${(start / nights) * 100}%`;
    el.style.width = `calc(${((end - start) / nights) * 100}% - 3px)`;
    if (laneCount > 1) {
      el.style.top = `calc(${lane} * var(--lane))`;
    }
    return el;
  };

  const row = (label, type, room, items, outOfOrder, extraClass) => {
    const { placed, count } = lanes(items);
    const track = h('div', { class: 'tape-track' });
    const collapsed = count > FOLDED_LANES;
    track.style.setProperty('--lanes', String(collapsed ? FOLDED_LANES : count));
    for (const period of outOfOrder || []) {
      if (period.to <= from || period.from >= to) continue;
      const s = Math.max(0, daysBetween(from, period.from));
      const e = Math.min(nights, daysBetween(from, period.to));
      const shade = h('div', { class: 'ooo', title: `Out of order: ${period.reason}` }, h('span', {}, `Out of order · ${period.reason}`));
      shade.style.left = `${(s / nights) * 100}%`;
      shade.style.width = `${((e - s) / nights) * 100}%`;
      track.append(shade);
    }
    for (const { booking, lane } of placed) {
      const el = bar(booking, lane, count);
      el.dataset.lane = String(lane);
      el.hidden = collapsed && lane >= FOLDED_LANES;
      track.append(el);
    }
    const heading = h('div', { class: 'tape-label' }, label);
    if (collapsed) {
      const toggle = h('button', { type: 'button', class: 'lanes-toggle', 'aria-expanded': 'false' }, `Show all ${placed.length}`);
      toggle.addEventListener('click', () => {
        const open = toggle.getAttribute('aria-expanded') !== 'true';
        toggle.setAttribute('aria-expanded', String(open));
        toggle.textContent = open ? 'Show fewer' : `Show all ${placed.length}`;
        track.style.setProperty('--lanes', String(open ? count : FOLDED_LANES));
        for (const el of track.querySelectorAll('.bar')) el.hidden = !open && Number(el.dataset.lane) >= FOLDED_LANES;
      });
      heading.append(toggle);
    }
    return h('div', { class: `tape-row ${extraClass || ''}`, dataset: { type, room: room || '' } }, heading, track);
  };

  for (const type of types) {
    table.append(h('div', { class: 'tape-row tape-type' }, h('h2', { class: 'tape-label' }, `${type.code} · ${type.name}`)));
    for (const room of rooms.filter(r => r.room_type === type.code)) {
      table.append(row(room.number, type.code, room.number, byRoom.get(room.number) || [], room.out_of_order));
    }
    table.append(row(`Unassigned ${type.code}`, type.code, null, unassigned.get(type.code) || [], [], 'unassigned'));
  }
  chart.replaceChildren(table);
  wire(chart, table, pid, rooms);
}

/** Clicks open a booking; pointer drags and the M key move one; the server's refusal snaps it back. */
function wire(chart, table, pid, rooms) {
  let drag = null;
  table.addEventListener('pointerdown', event => {
    const el = event.target.closest('.bar');
    if (!el || event.button !== 0) return;
    drag = { el, x: event.clientX, y: event.clientY, moved: false, pointer: event.pointerId };
  });
  table.addEventListener('pointermove', event => {
    if (!drag) return;
    const dx = event.clientX - drag.x;
    const dy = event.clientY - drag.y;
    if (!drag.moved && Math.hypot(dx, dy) > 5 && drag.el.classList.contains('movable')) {
      drag.moved = true;
      drag.el.classList.add('dragging');
      try { table.setPointerCapture(drag.pointer); } catch (e) { /* a synthetic pointer may not be capturable */ }
    }
    if (drag.moved) {
      drag.el.style.transform = `translate(${dx}px, ${dy}px)`;
      for (const r of table.querySelectorAll('.drop-target')) r.classList.remove('drop-target');
      target(event)?.classList.add('drop-target');
    }
  });
  const end = event => {
    if (!drag) return;
    const current = drag;
    drag = null;
    for (const r of table.querySelectorAll('.drop-target')) r.classList.remove('drop-target');
    if (!current.moved) return;
    current.el.classList.remove('dragging');
    current.el.style.transform = '';
    current.el.dataset.dragged = 'true'; // the click that ends a drag opens nothing
    setTimeout(() => delete current.el.dataset.dragged, 0);
    const row = target(event);
    if (row && row.dataset.room && row.dataset.room !== current.el.dataset.room) {
      move(current.el, row);
    }
  };
  table.addEventListener('pointerup', end);
  table.addEventListener('pointercancel', end);
  table.addEventListener('click', event => {
    const el = event.target.closest('.bar');
    if (!el) return;
    if (el.dataset.dragged) {
      delete el.dataset.dragged;
      return;
    }
    location.hash = `#/booking/${el.dataset.booking}`;
  });
  table.addEventListener('keydown', event => {
    const el = event.target.closest?.('.bar');
    if (!el || !el.classList.contains('movable') || (event.key !== 'm' && event.key !== 'M')) return;
    event.preventDefault();
    pickRoom(el);
  });

  function target(event) {
    const under = document.elementFromPoint(event.clientX, event.clientY);
    return under?.closest('.tape-row[data-room]') || null;
  }

  async function move(el, row) {
    clearAlert();
    const home = el.parentElement;
    const room = row.dataset.room;
    row.querySelector('.tape-track').append(el);
    el.classList.add('pending');
    try {
      await post(`/properties/${pid}/bookings/${el.dataset.booking}/assign-room`, { room_number: room });
      say(`Booking ${el.textContent} moved to room ${room}.`);
      chart.dispatchEvent(new CustomEvent('tape:changed'));
    } catch (error) {
      home.append(el);
      el.classList.remove('pending');
      el.classList.add('snapped');
      setTimeout(() => el.classList.remove('snapped'), 1500);
      alertError(new Error(`Room ${room} refused for ${el.textContent}: ${error.message}`));
      el.focus();
    }
  }

  function pickRoom(el) {
    const choices = rooms.filter(r => r.room_type === el.dataset.type && r.number !== el.dataset.room);
    const select = h('select', { id: 'move-room', 'aria-label': 'Room' }, choices.map(r => h('option', { value: r.number }, r.number)));
    const box = h('div', { class: 'inline-move', role: 'group', 'aria-label': `Move ${el.textContent}` },
      h('label', { for: 'move-room' }, `Move ${el.textContent} to room`), select,
      h('button', { type: 'button', class: 'primary', onclick: () => { box.remove(); move(el, table.querySelector(`.tape-row[data-room="${CSS.escape(select.value)}"]`)); } }, 'Move'),
      h('button', { type: 'button', onclick: () => { box.remove(); el.focus(); } }, 'Cancel'));
    chart.before(box);
    select.focus();
  }
}
