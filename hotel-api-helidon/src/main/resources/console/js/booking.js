// A booking's page: its details, what may be done with it now, its folio (charge, payment, refund,
// invoice, credit note) and its history from the audit trail.
import { all, call, get, idempotencyKey, post } from './api.js';
import { act, dayLabel, dialog, field, h, money, say, statusBadge, table } from './ui.js';
import { can } from './roles.js';
import { guestName } from './guests.js';
import { checkIn, checkOut } from './desk.js';

const KIND_WORDS = { room: 'Room', tax: 'Tax', city_tax: 'City tax', extra: 'Extra', fee: 'Fee', payment: 'Payment', refund: 'Refund' };

export async function show(root, context, [bookingId]) {
  const pid = context.property.id;
  const role = context.role;
  const response = await call('GET', `/properties/${pid}/bookings/${bookingId}`, { raw: true });
  const b = await response.json();
  const etag = response.headers.get('ETag');
  const reload = () => window.dispatchEvent(new HashChangeEvent('hashchange'));
  const frontDesk = can(role, 'bookingActions');

  const actions = h('div', { class: 'actions', role: 'group', 'aria-label': 'Booking actions' });
  if (frontDesk && b.status === 'confirmed') {
    if (b.checkin_date === context.property.business_date) {
      actions.append(h('button', { type: 'button', class: 'primary', onclick: e => checkIn(e.currentTarget, pid, b) }, 'Check in'));
    }
    actions.append(
      h('button', { type: 'button', onclick: () => modify(pid, b, etag, reload) }, 'Modify'),
      h('button', { type: 'button', onclick: () => cancel(pid, b, reload) }, 'Cancel booking'));
  }
  if (frontDesk && b.status === 'checked_in') {
    actions.append(h('button', { type: 'button', class: 'primary', id: 'check-out', onclick: e => checkOut(e.currentTarget, pid, b) }, 'Check out'));
  }

  const guest = h('span', { id: 'booking-guest' }, '…');
  guestName(b.guest_id).then(name => { guest.textContent = name; });
  root.append(
    h('div', { class: 'screen-head' }, h('h1', {}, `Booking ${b.confirmation_code}`), statusBadge(b.status)),
    h('dl', { class: 'facts' },
      h('dt', {}, 'Guest'), h('dd', {}, guest),
      h('dt', {}, 'Stay'), h('dd', {}, `${dayLabel(b.checkin_date)} – ${dayLabel(b.checkout_date)} (${b.nights} night${b.nights > 1 ? 's' : ''})`),
      h('dt', {}, 'Room'), h('dd', { id: 'booking-room' }, `${b.room_type} · ${b.room_number || 'not assigned'}`),
      h('dt', {}, 'Rate'), h('dd', {}, `${b.rate_plan}, ${money(b.total)}`),
      h('dt', {}, 'Guests'), h('dd', {}, `${b.adults} adult${b.adults > 1 ? 's' : ''}${b.children ? `, ${b.children} children` : ''}`),
      b.special_requests ? [h('dt', {}, 'Requests'), h('dd', {}, b.special_requests)] : null,
      b.cancellation_reason ? [h('dt', {}, 'Cancelled because'), h('dd', {}, b.cancellation_reason)] : null,
      cancellationChance(pid, b, role)),
    actions);

  if (can(role, 'folio')) {
    root.append(await folioSection(pid, b, frontDesk, reload));
  }
  if (can(role, 'audit')) {
    root.append(await historySection(pid, b));
  }
}

/** The model's chance that the booking is cancelled or does not show (manager); nothing without a model or the right. */
function cancellationChance(pid, b, role) {
  if (!can(role, 'cancellationForecast') || b.status !== 'confirmed') return null;
  const dt = h('dt', { hidden: true }, 'Chance of cancelling');
  const dd = h('dd', { id: 'cancellation-chance', hidden: true });
  get(`/properties/${pid}/bookings/${b.id}/cancellation-forecast`).then(f => {
    dd.textContent = `${Math.round(Number(f.probability) * 100)}% that it is cancelled or does not show (model version ${f.model.version})`;
    dt.hidden = false;
    dd.hidden = false;
  }, () => {});
  return [dt, dd];
}

async function folioSection(pid, b, frontDesk, reload) {
  const [folio, invoices] = await Promise.all([
    get(`/properties/${pid}/bookings/${b.id}/folio`),
    all(`/properties/${pid}/invoices?booking_id=${b.id}`),
  ]);
  const rows = folio.lines.map(line => h('tr', {},
    h('td', {}, line.date), h('td', {}, KIND_WORDS[line.kind] || line.kind), h('td', {}, line.description),
    h('td', { class: 'num' }, money(line.amount)),
    h('td', {}, frontDesk && line.payment_id
      ? h('button', { type: 'button', onclick: e => refund(e.currentTarget, pid, line, reload) }, 'Refund') : '')));
  const section = h('section', { 'aria-labelledby': 'folio-h', class: 'folio' },
    h('h2', { id: 'folio-h' }, 'Folio'),
    table('Charges and payments', ['Date', 'Kind', 'Description', 'Amount', ''], rows, { className: 'folio-lines' }),
    h('p', { class: 'balance' }, 'Balance: ', h('strong', { id: 'folio-balance' }, money(folio.balance))));
  if (frontDesk) {
    section.append(h('div', { class: 'actions' },
      h('button', { type: 'button', id: 'post-charge', onclick: () => charge(pid, b, folio, reload) }, 'Post a charge'),
      h('button', { type: 'button', id: 'take-payment', onclick: () => payment(pid, b, folio, reload) }, 'Take a payment'),
      h('button', { type: 'button', id: 'issue-invoice', onclick: e => invoice(e.currentTarget, pid, b, reload) }, 'Issue invoice')));
  }
  section.append(h('h3', {}, 'Invoices'), table('Invoices and credit notes of this booking', ['Number', 'Kind', 'Issued', 'Bill to', 'Total', 'Status', ''],
    invoices.map(inv => h('tr', { dataset: { invoice: inv.number } },
      h('td', {}, inv.number), h('td', {}, inv.kind.replace('_', ' ')), h('td', {}, inv.issue_date), h('td', {}, inv.bill_to),
      h('td', { class: 'num' }, money(inv.total)), h('td', {}, inv.status),
      h('td', {}, frontDesk && inv.kind === 'invoice' && inv.status !== 'credited'
        ? h('button', { type: 'button', onclick: e => creditNote(e.currentTarget, pid, inv, reload) }, 'Credit note') : ''))),
    { className: 'invoices' }));
  return section;
}

async function historySection(pid, b) {
  const trail = await get(`/properties/${pid}/audit?entity=booking&id=${b.id}&limit=50`);
  return h('section', { 'aria-labelledby': 'history-h' }, h('h2', { id: 'history-h' }, 'History'),
    h('ol', { class: 'history' }, trail.items.map(e => h('li', {},
      h('time', { datetime: e.occurred_at }, new Date(e.occurred_at).toLocaleString('en-GB')), ' ',
      h('strong', {}, e.type.replace('booking.', '').replaceAll('_', ' ')), ` by ${e.actor}`))));
}

function amountInput(value) {
  return h('input', { type: 'text', inputmode: 'decimal', pattern: '[0-9]+([.][0-9]{1,2})?', required: true, value: value || '' });
}

async function charge(pid, b, folio, reload) {
  const description = h('input', { type: 'text', required: true, maxlength: 200, value: '' });
  const amount = amountInput();
  const category = h('select', {}, ['minibar', 'restaurant', 'bar', 'spa', 'laundry', 'parking', 'other'].map(c => h('option', { value: c }, c)));
  const key = idempotencyKey('charge');
  const done = await dialog('Post a charge', h('div', {}, field('Description', description), field(`Amount (${folio.balance.currency})`, amount), field('Category', category)), {
    submitLabel: 'Post charge',
    onSubmit: () => post(`/properties/${pid}/bookings/${b.id}/charges`, { description: description.value.trim(),
      amount: { amount: amount.value.trim(), currency: folio.balance.currency }, category: category.value }, { 'Idempotency-Key': key }),
  });
  if (done) { say('Charge posted.'); reload(); }
}

async function payment(pid, b, folio, reload) {
  const owed = Number(folio.balance.amount) > 0 ? folio.balance.amount : '';
  const amount = amountInput(owed);
  const method = h('select', {}, [['card', 'Card'], ['cash', 'Cash'], ['bank_transfer', 'Bank transfer']].map(([v, t]) => h('option', { value: v }, t)));
  const token = h('input', { type: 'text', value: 'tok_visa', autocomplete: 'off' });
  const key = idempotencyKey('payment');
  const done = await dialog('Take a payment', h('div', {}, field(`Amount (${folio.balance.currency})`, amount), field('Method', method),
    field('Card token', token, 'For cards: tok_visa, tok_mastercard; tok_declined is declined.')), {
    submitLabel: 'Take payment',
    onSubmit: async () => {
      const body = { booking_id: b.id, amount: { amount: amount.value.trim(), currency: folio.balance.currency }, method: method.value };
      if (method.value === 'card') body.card_token = token.value.trim();
      const paid = await post(`/properties/${pid}/payments`, body, { 'Idempotency-Key': key });
      if (paid.status !== 'captured') throw new Error(`The payment was declined${paid.decline_reason ? `: ${paid.decline_reason}` : ''}.`);
      return paid;
    },
  });
  if (done) { say(`Payment of ${money(done.amount)} taken.`); reload(); }
}

async function refund(button, pid, line, reload) {
  const paid = await act(button, () => get(`/properties/${pid}/payments/${line.payment_id}`));
  if (!paid) return;
  const amount = amountInput(paid.refundable.amount);
  const key = idempotencyKey('refund');
  const done = await dialog('Refund a payment', field(`Amount (up to ${money(paid.refundable)})`, amount), {
    submitLabel: 'Refund',
    onSubmit: () => post(`/properties/${pid}/payments/${line.payment_id}/refunds`, { amount: { amount: amount.value.trim(), currency: paid.amount.currency } }, { 'Idempotency-Key': key }),
  });
  if (done) { say('Refunded.'); reload(); }
}

async function invoice(button, pid, b, reload) {
  const issued = await act(button, () => post(`/properties/${pid}/bookings/${b.id}/invoices`, undefined, { 'Idempotency-Key': idempotencyKey('invoice') }),
    inv => `Invoice ${inv.number} issued for ${money(inv.total)}.`);
  if (issued) reload();
}

async function creditNote(button, pid, inv, reload) {
  const ok = await dialog(`Credit invoice ${inv.number}?`, h('p', {}, 'A credit note reverses the invoice in full.'), {
    submitLabel: 'Issue credit note',
    onSubmit: () => post(`/properties/${pid}/invoices/${inv.id}/credit-notes`, undefined, { 'Idempotency-Key': idempotencyKey('credit') }),
  });
  if (ok) { say(`Credit note ${ok.number} issued.`); reload(); }
}

async function modify(pid, b, etag, reload) {
  const checkin = h('input', { type: 'date', value: b.checkin_date, required: true });
  const checkout = h('input', { type: 'date', value: b.checkout_date, required: true });
  const adults = h('input', { type: 'number', min: 1, max: 10, value: b.adults, required: true });
  const children = h('input', { type: 'number', min: 0, max: 10, value: b.children });
  const requests = h('textarea', { rows: 2 }, b.special_requests || '');
  const done = await dialog(`Modify ${b.confirmation_code}`, h('div', {}, field('Arrival', checkin), field('Departure', checkout),
    field('Adults', adults), field('Children', children), field('Special requests', requests)), {
    submitLabel: 'Save changes',
    onSubmit: () => call('PATCH', `/properties/${pid}/bookings/${b.id}`, { body: { checkin_date: checkin.value, checkout_date: checkout.value,
      adults: Number(adults.value), children: Number(children.value || 0), special_requests: requests.value }, headers: { 'If-Match': etag } }),
  });
  if (done) { say('Booking changed and re-priced.'); reload(); }
}

async function cancel(pid, b, reload) {
  const reason = h('input', { type: 'text', maxlength: 500 });
  const done = await dialog(`Cancel ${b.confirmation_code}?`, h('div', {}, h('p', {}, 'The cancellation policy applies; a fee goes to the folio.'), field('Reason (optional)', reason)), {
    submitLabel: 'Cancel booking',
    onSubmit: () => post(`/properties/${pid}/bookings/${b.id}/cancel`, reason.value.trim() ? { reason: reason.value.trim() } : undefined),
  });
  if (done) { say(`${b.confirmation_code} cancelled.`); reload(); }
}
