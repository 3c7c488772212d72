// The manager's screen: the rates calendar (price and restrictions per room type and night, edited in place),
// the night audit with its result, and reports to read and download as CSV.
import { all, get, post, put } from './api.js';
import { act, addDays, clear, dayLabel, dialog, downloadCsv, field, h, money, say, table } from './ui.js';
import { can } from './roles.js';
import { refreshProperty } from './app.js';

const NIGHTS = 14;

export async function show(root, context) {
  const property = await refreshProperty();
  const pid = property.id;
  root.append(h('h1', {}, 'Manager'));
  if (can(context.role, 'rates')) root.append(await ratesSection(pid, property));
  if (can(context.role, 'nightAudit')) root.append(nightAuditSection(pid, property));
  root.append(reportsSection(pid, property));
}

async function ratesSection(pid, property) {
  const [types, plans] = await Promise.all([all(`/properties/${pid}/room-types`), all(`/properties/${pid}/rate-plans`)]);
  const base = plans.filter(p => !p.derived_from);
  const plan = h('select', { id: 'rate-plan' }, base.map(p => h('option', { value: p.code }, `${p.code} · ${p.name}`)));
  const start = h('input', { type: 'date', id: 'rates-from', value: property.business_date });
  const grid = h('div', { class: 'rates-wrap' });
  const section = h('section', { 'aria-labelledby': 'rates-h' }, h('h2', { id: 'rates-h' }, 'Rates calendar'),
    h('p', { class: 'hint' }, `Derived plans (${plans.filter(p => p.derived_from).map(p => p.code).join(', ') || 'none'}) follow their parent. Select a night to change its price or restrictions.`),
    h('div', { class: 'inline-form' }, field('Rate plan', plan), field('From', start)), grid);

  async function load() {
    const from = start.value;
    const to = addDays(from, NIGHTS);
    const grids = await Promise.all(types.map(t => get(`/properties/${pid}/rate-plans/${plan.value}/prices?room_type=${t.code}&from=${from}&to=${to}`)));
    const dates = Array.from({ length: NIGHTS }, (_, i) => addDays(from, i));
    const head = h('tr', {}, h('th', { scope: 'col' }, 'Room type'), dates.map(d => h('th', { scope: 'col' }, dayLabel(d))));
    const body = types.map((t, i) => {
      const nights = new Map((grids[i].items || grids[i].nights || grids[i]).map(n => [n.date, n]));
      return h('tr', {}, h('th', { scope: 'row' }, t.code), dates.map(d => {
        const n = nights.get(d);
        const marks = n ? [n.closed ? 'closed' : null, n.closed_to_arrival ? 'CTA' : null, n.closed_to_departure ? 'CTD' : null,
          n.min_stay ? `min ${n.min_stay}` : null].filter(Boolean) : [];
        return h('td', { class: n?.closed ? 'closed' : '' }, h('button', { type: 'button', class: 'rate-cell', 'data-type': t.code, 'data-date': d,
          'aria-label': `${t.code} ${dayLabel(d)}: ${n ? money(n.amount) : 'no price'}${marks.length ? `, ${marks.join(', ')}` : ''}. Edit`,
          onclick: () => edit(t.code, d, n) }, n ? money(n.amount) : '—', marks.length ? h('small', {}, marks.join(' · ')) : null));
      }));
    });
    clear(grid).append(h('table', { class: 'grid rates' }, h('caption', {}, `${plan.value}, ${NIGHTS} nights from ${dayLabel(from)}`),
      h('thead', {}, head), h('tbody', {}, body)));
  }

  async function edit(type, date, night) {
    const currency = property.currency;
    const amount = h('input', { type: 'text', inputmode: 'decimal', required: true, pattern: '[0-9]+([.][0-9]{1,2})?', value: night?.amount.amount || '' });
    const minStay = h('input', { type: 'number', min: 1, max: 730, value: night?.min_stay || '' });
    const closed = h('input', { type: 'checkbox', checked: !!night?.closed });
    const cta = h('input', { type: 'checkbox', checked: !!night?.closed_to_arrival });
    const ctd = h('input', { type: 'checkbox', checked: !!night?.closed_to_departure });
    const check = (label, box) => h('div', { class: 'check' }, box, h('label', { for: box.id || (box.id = `c-${Math.random().toString(36).slice(2, 8)}`) }, label));
    const done = await dialog(`${type}, night of ${dayLabel(date)}`, h('div', {}, field(`Price (${currency})`, amount), field('Minimum stay (nights)', minStay),
      check('Closed', closed), check('Closed to arrival', cta), check('Closed to departure', ctd)), {
      submitLabel: 'Save night',
      onSubmit: async () => {
        const row = { room_type: type, from: date, to: addDays(date, 1), amount: { amount: amount.value.trim(), currency },
          closed: closed.checked, closed_to_arrival: cta.checked, closed_to_departure: ctd.checked };
        if (night?.extra_adult) row.extra_adult = night.extra_adult;
        if (night?.extra_child) row.extra_child = night.extra_child;
        if (minStay.value) row.min_stay = Number(minStay.value);
        if (night?.max_stay) row.max_stay = night.max_stay;
        await put(`/properties/${pid}/rate-plans/${plan.value}/prices`, [row]);
        return true;
      },
    });
    if (done) {
      say(`${type} on ${dayLabel(date)} saved.`);
      await load();
      grid.querySelector(`[data-type="${type}"][data-date="${date}"]`)?.focus();
    }
  }

  plan.addEventListener('change', load);
  start.addEventListener('change', load);
  await load();
  return section;
}

function nightAuditSection(pid, property) {
  const result = h('div', { id: 'audit-result', 'aria-live': 'polite' });
  const button = h('button', { type: 'button', class: 'primary', id: 'run-night-audit' }, `Close ${dayLabel(property.business_date)}`);
  button.addEventListener('click', async () => {
    const ok = await dialog('Run the night audit?', h('p', {}, `This closes ${dayLabel(property.business_date)}: it posts the night's room and taxes to every guest in house, marks arrivals that did not come as no-shows, and moves the business date on.`), { submitLabel: 'Run night audit' });
    if (!ok) return;
    const done = await act(button, () => post(`/properties/${pid}/night-audit`), r => `Closed ${r.closed_date}; the business date is now ${r.business_date}.`);
    if (!done) return;
    clear(result).append(h('dl', { class: 'facts' },
      Object.entries(done).map(([k, v]) => [h('dt', {}, k.replaceAll('_', ' ')), h('dd', {}, Array.isArray(v) ? (v.join(', ') || 'none') : String(v))])));
    button.textContent = `Close ${dayLabel(done.business_date)}`;
    property.business_date = done.business_date;
  });
  return h('section', { 'aria-labelledby': 'audit-h' }, h('h2', { id: 'audit-h' }, 'Night audit'),
    h('p', {}, `Business date: ${dayLabel(property.business_date)}. The night audit may close a date from 18:00 of it, where the hotel is.`),
    button, result);
}

function reportsSection(pid, property) {
  const kind = h('select', { id: 'report-kind' }, [['occupancy', 'Occupancy'], ['arrivals', 'Arrivals'], ['departures', 'Departures'], ['in-house', 'In house']]
    .map(([v, t]) => h('option', { value: v }, t)));
  const from = h('input', { type: 'date', id: 'report-from', value: property.business_date });
  const to = h('input', { type: 'date', id: 'report-to', value: addDays(property.business_date, 7) });
  const out = h('div', { id: 'report-out' });
  const show = h('button', { type: 'button', class: 'primary', id: 'show-report' }, 'Show');
  const download = h('button', { type: 'button', id: 'download-report', disabled: true }, 'Download CSV');
  let current = null;
  show.addEventListener('click', async () => {
    const report = kind.value;
    const path = report === 'occupancy'
      ? `/properties/${pid}/reports/occupancy?from=${from.value}&to=${to.value}`
      : `/properties/${pid}/reports/${report}?date=${from.value}`;
    const answer = await act(show, () => get(path));
    if (!answer) return;
    if (report === 'occupancy') {
      const headers = ['date', 'rooms_total', 'rooms_out_of_order', 'rooms_sold', 'occupancy', 'adr', 'revpar', 'room_revenue'];
      const rows = answer.nights.map(n => [n.date, n.rooms_total, n.rooms_out_of_order, n.rooms_sold, n.occupancy, n.adr.amount, n.revpar.amount, n.room_revenue.amount]);
      current = { name: `occupancy-${from.value}-${to.value}.csv`, headers, rows };
    } else {
      const headers = ['confirmation_code', 'status', 'room_type', 'room_number', 'checkin_date', 'checkout_date', 'adults', 'children', 'total'];
      const rows = answer.bookings.map(b => [b.confirmation_code, b.status, b.room_type, b.room_number || '', b.checkin_date, b.checkout_date, b.adults, b.children, b.total.amount]);
      current = { name: `${report}-${answer.date}.csv`, headers, rows };
    }
    download.disabled = false;
    clear(out).append(table(`${kind.selectedOptions[0].textContent}: ${current.rows.length} rows`, current.headers.map(x => x.replaceAll('_', ' ')),
      current.rows.slice(0, 100).map(r => h('tr', {}, r.map(c => h('td', {}, String(c)))))));
  });
  download.addEventListener('click', () => current && downloadCsv(current.name, current.headers, current.rows));
  kind.addEventListener('change', () => { to.disabled = kind.value !== 'occupancy'; });
  return h('section', { 'aria-labelledby': 'reports-h' }, h('h2', { id: 'reports-h' }, 'Reports'),
    h('div', { class: 'inline-form' }, field('Report', kind), field('From (or date)', from), field('To', to), show, download), out);
}
