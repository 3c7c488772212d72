// The front desk: today's arrivals, in-house guests and departures, searchable, with check-in, check-out
// (balance, payment, then out), no-show, and a new booking from live availability.
import { all, ApiError, idempotencyKey, post } from './api.js';
import { act, alertError, clearAlert, dayLabel, dialog, field, h, money, say, statusBadge, table } from './ui.js';
import { fillGuestNames } from './guests.js';
import { refreshProperty } from './app.js';

export async function show(root, context, rest) {
  if (rest && rest[0] === 'new') {
    return (await import('./newbooking.js')).show(root, context);
  }
  const property = await refreshProperty();
  const pid = property.id;
  const today = property.business_date;
  const search = h('input', { type: 'search', id: 'desk-search', placeholder: 'Name, confirmation code or room' });
  const lists = h('div', { class: 'desk-lists' });
  root.append(
    h('div', { class: 'screen-head' }, h('h1', {}, `Front desk · ${dayLabel(today)}`),
      h('a', { class: 'button primary', href: '#/desk/new', id: 'new-booking' }, 'New booking')),
    field('Search', search),
    lists);

  const [arrivals, inHouse] = await Promise.all([
    all(`/properties/${pid}/bookings?status=confirmed&checkin_date=${today}`),
    all(`/properties/${pid}/bookings?status=checked_in`),
  ]);
  const departures = inHouse.filter(b => b.checkout_date <= today);

  const rowFor = (b, actions) => h('tr', { dataset: { booking: b.id, search: `${b.confirmation_code} ${b.room_number || ''}`.toLowerCase() } },
    h('td', {}, h('a', { href: `#/booking/${b.id}` }, b.confirmation_code)),
    h('td', { dataset: { guest: b.guest_id } }, '…'),
    h('td', {}, b.room_number || h('span', { class: 'muted' }, 'not assigned'), ' · ', b.room_type),
    h('td', {}, `${dayLabel(b.checkin_date)} – ${dayLabel(b.checkout_date)}`),
    h('td', {}, statusBadge(b.status)),
    h('td', { class: 'actions' }, actions));

  lists.append(
    h('section', { 'aria-labelledby': 'arrivals-h' }, h('h2', { id: 'arrivals-h' }, `Arrivals (${arrivals.length})`),
      table('Guests arriving today', ['Booking', 'Guest', 'Room', 'Stay', 'Status', 'Actions'], arrivals.map(b => rowFor(b, [
        h('button', { type: 'button', class: 'primary', onclick: e => checkIn(e.currentTarget, pid, b) }, 'Check in'),
        h('button', { type: 'button', onclick: e => noShow(e.currentTarget, pid, b) }, 'No-show')])), { className: 'arrivals' })),
    h('section', { 'aria-labelledby': 'departures-h' }, h('h2', { id: 'departures-h' }, `Departures (${departures.length})`),
      table('Guests leaving today', ['Booking', 'Guest', 'Room', 'Stay', 'Status', 'Actions'], departures.map(b => rowFor(b, [
        h('button', { type: 'button', class: 'primary', onclick: e => checkOut(e.currentTarget, pid, b) }, 'Check out')])), { className: 'departures' })),
    h('section', { 'aria-labelledby': 'inhouse-h' }, h('h2', { id: 'inhouse-h' }, `In house (${inHouse.length})`),
      table('Guests in house', ['Booking', 'Guest', 'Room', 'Stay', 'Status', 'Actions'], inHouse.map(b => rowFor(b, [
        h('a', { class: 'button', href: `#/booking/${b.id}` }, 'Folio')])), { className: 'in-house' })));

  search.addEventListener('input', () => {
    const q = search.value.trim().toLowerCase();
    for (const tr of lists.querySelectorAll('tbody tr[data-booking]')) {
      tr.hidden = q !== '' && !tr.dataset.search.includes(q);
    }
  });
  fillGuestNames(lists);
}

async function reload() {
  window.dispatchEvent(new HashChangeEvent('hashchange'));
}

/** Check-in: the room is picked from the clean (or inspected) rooms of the type free for the whole stay. */
export async function checkIn(button, pid, b) {
  const free = await act(button, () => all(`/properties/${pid}/rooms?checkin_date=${b.checkin_date}&checkout_date=${b.checkout_date}&room_type=${b.room_type}`));
  if (!free) return;
  const ready = free.filter(r => r.housekeeping_status === 'clean' || r.housekeeping_status === 'inspected');
  if (b.room_number && !ready.some(r => r.number === b.room_number)) {
    ready.unshift({ number: b.room_number, housekeeping_status: 'assigned' });
  }
  if (!ready.length) {
    say(`No clean room of type ${b.room_type} is free for this stay; ask housekeeping.`);
    return;
  }
  const select = h('select', { name: 'room' }, ready.map(r => h('option', { value: r.number, selected: r.number === b.room_number },
    `${r.number} (${r.housekeeping_status})`)));
  const done = await dialog(`Check in ${b.confirmation_code}`, field('Room', select, `Clean rooms of type ${b.room_type} free until ${dayLabel(b.checkout_date)}`), {
    submitLabel: 'Check in',
    onSubmit: () => post(`/properties/${pid}/bookings/${b.id}/check-in`, { room_number: select.value }),
  });
  if (done) {
    say(`${b.confirmation_code} checked in to room ${done.room_number}.`);
    reload();
  }
}

/**
 * Check-out: asks the server to check out; when it refuses for what is owed (the nights still to charge
 * included), shows that balance, takes it by card (a test token), and checks out.
 */
export async function checkOut(button, pid, b) {
  clearAlert();
  button.disabled = true;
  let owed = null;
  try {
    await post(`/properties/${pid}/bookings/${b.id}/check-out`);
  } catch (error) {
    if (!(error instanceof ApiError) || !error.problem?.balance) {
      alertError(error);
      return;
    }
    owed = error.problem.balance;
  } finally {
    button.disabled = false;
  }
  if (owed) {
    const token = h('input', { name: 'card_token', value: 'tok_visa', required: true, autocomplete: 'off' });
    const content = h('div', {},
      h('p', { class: 'balance' }, 'Balance to settle: ', h('strong', { id: 'checkout-balance' }, money(owed))),
      field('Card token', token, 'Test tokens: tok_visa, tok_mastercard; tok_declined is declined.'));
    const done = await dialog(`Check out ${b.confirmation_code}`, content, {
      submitLabel: `Take ${money(owed)} and check out`,
      onSubmit: async () => {
        const payment = await post(`/properties/${pid}/payments`, { booking_id: b.id, amount: owed, method: 'card',
          card_token: token.value.trim() }, { 'Idempotency-Key': idempotencyKey('checkout-payment') });
        if (payment.status !== 'captured') {
          throw new Error(`The card was declined${payment.decline_reason ? `: ${payment.decline_reason}` : ''}.`);
        }
        return post(`/properties/${pid}/bookings/${b.id}/check-out`);
      },
    });
    if (!done) return;
  }
  say(`${b.confirmation_code} checked out.`);
  reload();
}

async function noShow(button, pid, b) {
  const ok = await dialog(`Mark ${b.confirmation_code} as a no-show?`, h('p', {}, 'The cancellation policy\'s no-show fee goes to the folio.'), { submitLabel: 'Mark no-show',
    onSubmit: () => post(`/properties/${pid}/bookings/${b.id}/no-show`) });
  if (ok) {
    say(`${b.confirmation_code} marked as a no-show.`);
    reload();
  }
}
