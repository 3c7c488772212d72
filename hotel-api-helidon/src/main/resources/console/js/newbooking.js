// A new booking from live availability: dates and occupancy, the offers with their prices and cancellation
// policy, then the guest (found by e-mail, or entered).
import { get, idempotencyKey, post } from './api.js';
import { act, addDays, clear, field, h, money } from './ui.js';
import { refreshProperty } from './app.js';

function policyWords(p) {
  if (!p) return '';
  if (p.penalty === 'none') return 'Free cancellation';
  const penalty = { first_night: 'the first night', full_stay: 'the full stay', percent: `${p.percent}% of the stay` }[p.penalty];
  return p.free_until_days_before > 0 && p.penalty !== 'full_stay' || p.free_until_days_before > 0
    ? `Free cancellation until ${p.free_until_days_before} days before arrival, then ${penalty}`
    : `Non-refundable: ${penalty} is charged`;
}

export async function show(root) {
  const property = await refreshProperty();
  const pid = property.id;
  const checkin = h('input', { type: 'date', name: 'checkin_date', required: true, value: property.business_date, min: property.business_date });
  const checkout = h('input', { type: 'date', name: 'checkout_date', required: true, value: addDays(property.business_date, 1), min: addDays(property.business_date, 1) });
  const adults = h('input', { type: 'number', name: 'adults', min: 1, max: 10, value: 2, required: true });
  const children = h('input', { type: 'number', name: 'children', min: 0, max: 10, value: 0 });
  const offers = h('div', { id: 'offers', 'aria-live': 'polite' });
  const searchForm = h('form', { class: 'inline-form', 'aria-label': 'Search availability' },
    field('Arrival', checkin), field('Departure', checkout), field('Adults', adults), field('Children', children),
    h('button', { type: 'submit', class: 'primary', id: 'search-offers' }, 'Find rooms'));
  root.append(h('h1', {}, 'New booking'), searchForm, offers);

  searchForm.addEventListener('submit', async event => {
    event.preventDefault();
    const button = searchForm.querySelector('button');
    const query = `checkin_date=${checkin.value}&checkout_date=${checkout.value}&adults=${adults.value}&children=${children.value || 0}`;
    const answer = await act(button, () => get(`/properties/${pid}/availability?${query}`));
    if (!answer) return;
    clear(offers);
    if (!answer.offers.length) {
      offers.append(h('p', {}, 'Nothing is free for these dates and guests.'));
      return;
    }
    const rows = answer.offers.map(o => h('tr', {},
      h('td', {}, o.room_type), h('td', {}, o.rate_plan), h('td', {}, String(o.available)),
      h('td', { class: 'num' }, money(o.total)), h('td', {}, policyWords(o.cancellation_policy)),
      h('td', {}, h('button', { type: 'button', class: 'primary', 'data-offer': `${o.room_type}-${o.rate_plan}`,
        onclick: () => guestStep(o, answer) }, `Book ${o.room_type} ${o.rate_plan}`))));
    offers.append(h('table', { class: 'grid offers' },
      h('caption', {}, `${answer.nights} night${answer.nights > 1 ? 's' : ''}, ${answer.checkin_date} to ${answer.checkout_date}`),
      h('thead', {}, h('tr', {}, ['Room type', 'Rate', 'Free', 'Total', 'Cancellation', ''].map(t => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, rows)));
  });

  function guestStep(offer, answer) {
    const email = h('input', { type: 'email', name: 'email', required: true, autocomplete: 'off' });
    const name = h('input', { type: 'text', name: 'name', autocomplete: 'off' });
    const phone = h('input', { type: 'tel', name: 'phone', autocomplete: 'off' });
    const requests = h('textarea', { name: 'special_requests', rows: 2 });
    const found = h('p', { class: 'hint', id: 'guest-found', 'aria-live': 'polite' });
    let guestId = null;
    email.addEventListener('change', async () => {
      guestId = null;
      found.textContent = '';
      if (!email.checkValidity() || !email.value) return;
      const match = await act(null, () => get(`/guests?email=${encodeURIComponent(email.value.trim())}`));
      const guest = match?.items?.[0];
      if (guest) {
        guestId = guest.id;
        name.value = guest.name;
        found.textContent = `Returning guest: ${guest.name}.`;
      } else {
        found.textContent = 'A new guest: enter the name.';
      }
    });
    const form = h('form', { class: 'guest-form', 'aria-labelledby': 'guest-h' },
      h('h2', { id: 'guest-h' }, `Guest for ${offer.room_type} ${offer.rate_plan}, ${money(offer.total)}`),
      field('E-mail', email), found, field('Name', name), field('Phone (optional)', phone),
      field('Special requests (optional)', requests),
      h('button', { type: 'submit', class: 'primary', id: 'confirm-booking' }, 'Confirm booking'));
    form.addEventListener('submit', async event => {
      event.preventDefault();
      const body = {
        room_type: offer.room_type, rate_plan: offer.rate_plan, checkin_date: answer.checkin_date,
        checkout_date: answer.checkout_date, adults: Number(adults.value), children: Number(children.value || 0),
      };
      if (guestId) body.guest_id = guestId;
      else body.guest = { name: name.value.trim(), email: email.value.trim(), ...(phone.value.trim() ? { phone: phone.value.trim() } : {}) };
      if (requests.value.trim()) body.special_requests = requests.value.trim();
      const key = form.dataset.key || (form.dataset.key = idempotencyKey('booking'));
      const booking = await act(form.querySelector('button'), () => post(`/properties/${pid}/bookings`, body, { 'Idempotency-Key': key }),
        b => `Booked: ${b.confirmation_code}.`);
      if (booking) location.hash = `#/booking/${booking.id}`;
    });
    offers.querySelector('.guest-form')?.remove();
    offers.append(form);
    email.focus();
  }
}
