// The forecast screen (manager; auditor reads it): per night and room type the rooms, the bookings on the books,
// the cancellations and no-shows expected of them, the net demand, the overbooking the night has and the one
// the property's model recommends; training the model and applying the recommendation (manager).
import { ApiError, get, post } from './api.js';
import { act, addDays, alertError, clear, dayLabel, field, h, say, table } from './ui.js';
import { can } from './roles.js';
import { refreshProperty } from './app.js';

const NIGHTS = 30;
const POLL_MS = 3000;
const POLLS = 100;

export async function show(root, context) {
  const property = await refreshProperty();
  const pid = property.id;
  const manager = can(context.role, 'applyForecast');
  const from = h('input', { type: 'date', id: 'forecast-from', required: true, value: property.business_date });
  const to = h('input', { type: 'date', id: 'forecast-to', required: true, value: addDays(property.business_date, NIGHTS) });
  const walkCost = h('input', { type: 'number', id: 'walk-cost', min: '0.01', step: '0.01', required: true, value: '300' });
  const emptyRoom = h('input', { type: 'number', id: 'empty-room-value', min: '0.01', step: '0.01', required: true, value: '100' });
  const walkRisk = h('input', { type: 'number', id: 'max-walk-risk', min: '0', max: '1', step: '0.01', required: true, value: '0.05' });
  const show = h('button', { type: 'submit', class: 'primary', id: 'show-forecast' }, 'Show forecast');
  const model = h('p', { id: 'forecast-model', 'aria-live': 'polite' });
  const out = h('div', { id: 'forecast-out' });
  const form = h('form', { class: 'inline-form', 'aria-label': 'Forecast window and rule' },
    field('From night', from), field('To (exclusive)', to),
    field(`Walk cost (${property.currency})`, walkCost), field(`Empty room value (${property.currency})`, emptyRoom),
    field('Max walk risk (0 to 1)', walkRisk), show);
  const train = manager ? h('button', { type: 'button', id: 'train-forecast' }, 'Train now') : null;
  const apply = manager ? h('button', { type: 'button', id: 'apply-forecast', class: 'primary', disabled: true }, 'Apply recommendation') : null;
  root.append(h('h1', {}, 'Forecast'),
    h('p', { class: 'hint' }, 'Cancellations and no-shows expected of the bookings on the books, learned from this property\'s own finished bookings, and the overbooking that costs least: walking a guest costs the walk cost, a room left empty its value, and the chance of walking anyone on a night stays within the max walk risk.'),
    form, manager ? h('div', { class: 'actions' }, train, apply) : null, model, out);

  let version = null;
  let timer = null;
  let left = false;
  const rule = () => `walk_cost=${encodeURIComponent(walkCost.value)}&empty_room_value=${encodeURIComponent(emptyRoom.value)}&max_walk_risk=${encodeURIComponent(walkRisk.value)}`;

  /** Draws the window's forecast; false when the property has no model yet. */
  async function load() {
    let forecast;
    try {
      forecast = await get(`/properties/${pid}/forecast?from=${from.value}&to=${to.value}&${rule()}`);
    } catch (error) {
      if (error instanceof ApiError && error.status === 409 && String(error.problem?.type || '').endsWith('/no-forecast-model')) {
        version = null;
        if (apply) apply.disabled = true;
        clear(model).textContent = 'There is no forecast model for this property yet. '
          + (manager ? 'Select "Train now" to learn one from its finished bookings (it needs 200 of them); the night audit trains one too.'
            : 'A manager can train one, and the night audit trains one too.');
        clear(out);
        return false;
      }
      throw error;
    }
    version = forecast.model.version;
    if (apply) apply.disabled = false;
    model.textContent = `Model version ${forecast.model.version}, trained ${new Date(forecast.model.trained_at).toLocaleString('en-GB')} on ${forecast.model.trained_on} finished bookings. `
      + `Critical ratio ${forecast.rule.critical_ratio.toFixed(2)}.`;
    const rows = forecast.nights.map(n => {
      const change = n.recommended_overbooking - n.overbooking;
      return h('tr', { dataset: { night: n.night, type: n.room_type } },
        h('th', { scope: 'row' }, dayLabel(n.night)), h('td', {}, n.room_type),
        h('td', { class: 'num' }, n.rooms), h('td', { class: 'num' }, n.on_books),
        h('td', { class: 'num' }, Number(n.expected_cancellations).toFixed(1)), h('td', { class: 'num' }, Number(n.net_demand).toFixed(1)),
        h('td', { class: 'num' }, n.overbooking), h('td', { class: 'num' }, n.recommended_overbooking),
        h('td', {}, change === 0 ? 'same' : change > 0 ? `raise by ${change}` : `lower by ${-change}`));
    });
    clear(out).append(table(`${forecast.nights.length} nights and room types from ${dayLabel(forecast.from)} to ${dayLabel(forecast.to)}`,
      ['Night', 'Room type', 'Rooms', 'On the books', 'Expected cancellations', 'Net demand', 'Overbooking now', 'Recommended', 'Change'],
      rows, { className: 'forecast' }));
    return true;
  }

  form.addEventListener('submit', async event => {
    event.preventDefault();
    await act(show, load);
  });

  train?.addEventListener('click', async () => {
    const before = version;
    const state = await act(train, () => post(`/properties/${pid}/forecast/train`));
    if (!state) return;
    model.textContent = `Training${state.model ? ` (the current model is version ${state.model.version})` : ''}…`
      + (state.last_failure ? ` The last training failed: ${state.last_failure}` : '');
    train.disabled = true;
    let polls = 0;
    const poll = async () => {
      if (left) return;
      polls += 1;
      let drawn = false;
      try {
        drawn = await load();
      } catch (error) {
        train.disabled = false;
        alertError(error);
        return;
      }
      if (drawn && version !== before) {
        train.disabled = false;
        say(`Model version ${version} trained.`);
        return;
      }
      if (polls >= POLLS) {
        train.disabled = false;
        model.textContent = 'No new model arrived. Select "Train now" again to see why the last training failed: a model needs 200 finished bookings, some cancelled and some kept.';
        return;
      }
      model.textContent = `Training${before !== null ? ` (showing model version ${before} meanwhile)` : ''}…`;
      timer = setTimeout(poll, POLL_MS);
    };
    timer = setTimeout(poll, POLL_MS);
  });

  apply?.addEventListener('click', async () => {
    const done = await act(apply, () => post(`/properties/${pid}/forecast/apply`, {
      from: from.value, to: to.value,
      walk_cost: Number(walkCost.value), empty_room_value: Number(emptyRoom.value), max_walk_risk: Number(walkRisk.value),
    }), r => `Overbooking set on ${r.nights.length} nights and room types.`);
    if (done) await load();
  });

  await load();
  return () => {
    left = true;
    clearTimeout(timer);
  };
}
