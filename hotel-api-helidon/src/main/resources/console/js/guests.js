// Guest names for lists of bookings, fetched a few at a time and kept for the session's screens.
import { get } from './api.js';

const names = new Map();

export function guestName(id) {
  if (!names.has(id)) {
    names.set(id, get(`/guests/${id}`).then(g => g.name, () => 'Guest'));
  }
  return names.get(id);
}

/** Fills each [data-guest] element with its guest's name, four requests at a time. */
export async function fillGuestNames(root) {
  const pending = [...root.querySelectorAll('[data-guest]:not([data-named])')];
  const worker = async () => {
    for (let el = pending.shift(); el; el = pending.shift()) {
      el.textContent = await guestName(el.dataset.guest);
      el.dataset.named = 'true';
      el.closest('tr')?.setAttribute('data-search', (el.closest('tr').dataset.search || '') + ' ' + el.textContent.toLowerCase());
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
}
