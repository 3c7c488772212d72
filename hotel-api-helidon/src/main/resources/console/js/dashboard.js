// The dashboard: today's figures, occupancy for the last 30 and next 30 nights, and a feed of events, all
// kept live from the /events stream without reloading.
import { events, get } from './api.js';
import { addDays, clear, dayLabel, h, money } from './ui.js';
import { occupancyChart } from './chart.js';
import { refreshProperty } from './app.js';

const FEED_SIZE = 30;

function eventWords(e) {
  const d = e.data || {};
  const what = (e.type || '').replace('.', ' ').replaceAll('_', ' ');
  const code = d.confirmation_code ? ` ${d.confirmation_code}` : '';
  const room = d.room_number ? `, room ${d.room_number}` : '';
  const amount = d.amount ? `, ${d.amount} ${d.currency || ''}` : '';
  return `${what}${code}${room}${amount}`;
}

export async function show(root, context) {
  let property = await refreshProperty();
  const pid = property.id;
  const tiles = h('dl', { class: 'tiles', id: 'kpis', 'aria-live': 'polite' });
  const chartBox = h('div', { id: 'occupancy-chart' });
  const feed = h('ol', { class: 'feed', id: 'event-feed', tabindex: '0', 'aria-label': 'Latest events, newest first',
    'aria-live': 'polite', 'aria-relevant': 'additions' });
  const state = h('span', { class: 'live-state', id: 'live-state' }, 'connecting…');
  root.append(h('div', { class: 'screen-head' }, h('h1', {}, 'Dashboard'), state),
    tiles,
    h('div', { class: 'dash-columns' },
      h('section', { 'aria-labelledby': 'occ-h', class: 'dash-chart' }, h('h2', { id: 'occ-h' }, 'Occupancy, last 30 and next 30 nights'), chartBox),
      h('section', { 'aria-labelledby': 'feed-h', class: 'dash-feed' }, h('h2', { id: 'feed-h' }, 'Events'), feed)));

  let refreshing = null;
  async function refresh() {
    property = await refreshProperty();
    const today = property.business_date;
    const [occupancy, arrivals, departures, inHouse] = await Promise.all([
      get(`/properties/${pid}/reports/occupancy?from=${addDays(today, -30)}&to=${addDays(today, 30)}`),
      get(`/properties/${pid}/reports/arrivals?date=${today}`),
      get(`/properties/${pid}/reports/departures?date=${today}`),
      get(`/properties/${pid}/reports/in-house?date=${today}`),
    ]);
    const tonight = occupancy.nights.find(n => n.date === today) || occupancy.nights[0];
    const tile = (id, label, value, note) => [h('div', { class: 'tile', id }, h('dt', {}, label), h('dd', {}, value), note ? h('dd', { class: 'note' }, note) : null)];
    clear(tiles).append(
      ...tile('kpi-arrivals', 'Arrivals', String(arrivals.bookings.length), `${arrivals.bookings.filter(b => b.status === 'checked_in').length} checked in`),
      ...tile('kpi-departures', 'Departures', String(departures.bookings.length)),
      ...tile('kpi-in-house', 'In house', String(inHouse.bookings.length)),
      ...tile('kpi-occupancy', 'Occupancy tonight', `${(Number(tonight.occupancy) * 100).toFixed(1)}%`, `${tonight.rooms_sold} of ${tonight.rooms_total - tonight.rooms_out_of_order} rooms`),
      ...tile('kpi-adr', 'ADR', money(tonight.adr)),
      ...tile('kpi-revpar', 'RevPAR', money(tonight.revpar)));
    clear(chartBox).append(occupancyChart(`Occupancy per night around ${dayLabel(today)}`, occupancy.nights, today));
  }
  const scheduleRefresh = () => {
    if (!refreshing) {
      refreshing = setTimeout(() => {
        refreshing = null;
        refresh().catch(() => {});
      }, 400);
    }
  };

  await refresh();
  feed.append(h('li', { class: 'muted', id: 'feed-waiting' }, 'Waiting for the next event…'));

  function addToFeed(e) {
    document.getElementById('feed-waiting')?.remove();
    const when = e.occurred_at ? new Date(e.occurred_at) : new Date();
    feed.prepend(h('li', { dataset: { type: e.type } }, h('time', { datetime: when.toISOString() }, when.toLocaleTimeString('en-GB')), ' ', eventWords(e)));
    while (feed.children.length > FEED_SIZE) feed.lastElementChild.remove();
  }

  const stop = events(pid, event => {
    addToFeed(typeof event.data === 'object' ? event.data : { type: event.type, data: {} });
    scheduleRefresh();
  }, s => {
    state.textContent = { live: '● live', reconnecting: 'reconnecting…', refused: 'no live updates for this key' }[s] || s;
    state.dataset.state = s;
  });
  return () => {
    stop();
    clearTimeout(refreshing);
  };
}
