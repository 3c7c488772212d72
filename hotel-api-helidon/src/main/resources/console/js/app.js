// The console's shell: sign-in, the signed-in key's role and property, the navigation it may see, routing.
import { ApiError, get, session } from './api.js';
import { clear, clearAlert, h } from './ui.js';
import { can, SCREENS } from './roles.js';

const view = () => document.getElementById('view');

/** What every screen gets: who is signed in and on which property. */
export const context = { key: null, role: null, property: null, properties: [] };

let leaveScreen = null;
let routing = 0;

function signInForm(message) {
  const input = h('input', { id: 'api-key', name: 'api-key', type: 'password', autocomplete: 'off', required: true,
    spellcheck: 'false', 'aria-describedby': 'api-key-hint' });
  const error = h('p', { class: 'form-error', role: 'alert' }, message || '');
  const form = h('form', { class: 'sign-in', 'aria-labelledby': 'sign-in-title' },
    h('h1', { id: 'sign-in-title' }, 'Sign in to the staff console'),
    h('label', { for: 'api-key' }, 'API key'),
    input,
    h('p', { id: 'api-key-hint', class: 'hint' }, 'Your key is kept for this browser tab only and forgotten when it closes.'),
    error,
    h('button', { type: 'submit', class: 'primary' }, 'Sign in'));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    session.signIn(input.value.trim());
    try {
      await start();
    } catch (e) {
      session.signOut();
      error.textContent = e instanceof ApiError && e.status === 401
        ? 'That key is not known or has been revoked.'
        : e.message;
    }
  });
  clear(view()).append(form);
  document.getElementById('nav').hidden = true;
  document.getElementById('who').hidden = true;
  input.focus();
}

async function start() {
  const key = await get('/api-key');
  const properties = (await get('/properties?limit=100')).items;
  context.key = key;
  context.role = key.role;
  context.properties = properties;
  const remembered = sessionStorage.getItem('hotelkit.property');
  context.property = properties.find(p => p.id === remembered) || properties[0] || null;
  renderChrome();
  const wanted = !location.hash || location.hash === '#/' || !allowed(location.hash) ? `#/${firstScreen()}` : location.hash;
  if (location.hash !== wanted) {
    location.hash = wanted; // the hashchange routes
  } else {
    await route();
  }
}

function firstScreen() {
  const screen = SCREENS.find(s => can(context.role, s.needs));
  return screen ? screen.path : 'none';
}

function allowed(hash) {
  const name = hash.replace(/^#\//, '').split('/')[0];
  const screen = SCREENS.find(s => s.path === name) || (name === 'booking' ? { needs: 'booking' } : null);
  return screen && can(context.role, screen.needs);
}

function renderChrome() {
  const nav = clear(document.getElementById('nav'));
  const list = h('ul', {});
  for (const screen of SCREENS) {
    if (can(context.role, screen.needs)) {
      list.append(h('li', {}, h('a', { href: `#/${screen.path}`, 'data-screen': screen.path }, screen.label)));
    }
  }
  nav.append(list);
  nav.hidden = false;
  const who = clear(document.getElementById('who'));
  if (context.properties.length > 1) {
    const select = h('select', { id: 'property', 'aria-label': 'Property' },
      context.properties.map(p => h('option', { value: p.id, selected: p.id === context.property?.id }, `${p.code} · ${p.name}`)));
    select.addEventListener('change', () => {
      context.property = context.properties.find(p => p.id === select.value);
      sessionStorage.setItem('hotelkit.property', select.value);
      route();
    });
    who.append(select);
  } else if (context.property) {
    who.append(h('span', { class: 'property' }, `${context.property.code} · ${context.property.name}`));
  }
  who.append(h('span', { class: 'role', id: 'role' }, `${context.key.name} (${context.role.replace('_', ' ')})`),
    h('button', { type: 'button', id: 'sign-out', onclick: signOut }, 'Sign out'));
  who.hidden = false;
}

function signOut() {
  leaveScreen?.();
  leaveScreen = null;
  session.signOut();
  location.hash = '';
  signInForm('You are signed out.');
}

/** Reloads the property (its business date moves with the night audit). */
export async function refreshProperty() {
  context.property = await get(`/properties/${context.property.id}`);
  return context.property;
}

async function route() {
  clearAlert();
  leaveScreen?.();
  leaveScreen = null;
  if (!session.key()) {
    signInForm();
    return;
  }
  const [name, ...rest] = location.hash.replace(/^#\//, '').split('/');
  for (const link of document.querySelectorAll('#nav a')) {
    if (link.dataset.screen === name) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  // Each route draws into a container of its own: one overtaken by a later route draws into a detached one.
  const ticket = ++routing;
  const root = h('div', { class: 'screen' });
  clear(view()).append(root);
  if (!context.property) {
    root.append(h('h1', {}, 'No property'), h('p', {}, 'This key may see no property yet.'));
    return;
  }
  if (!allowed(location.hash)) {
    root.append(h('h1', {}, 'Nothing here for this key'),
      h('p', {}, `A ${context.role.replace('_', ' ')} key has no screen of the console.`));
    return;
  }
  const screen = name === 'booking' ? { module: 'booking' } : SCREENS.find(s => s.path === name);
  const module = await import(`./${screen.module}.js`);
  try {
    const leave = await module.show(root, context, rest) || null;
    if (ticket === routing) {
      leaveScreen = leave;
    } else {
      leave?.();
      return;
    }
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      session.signOut();
      signInForm('Your key is no longer accepted; sign in again.');
      return;
    }
    root.append(h('p', { class: 'form-error', role: 'alert' }, error.message));
  }
  view().focus({ preventScroll: true });
}

window.addEventListener('hashchange', () => {
  if (context.key) route();
});

if (session.key()) {
  start().catch(() => {
    session.signOut();
    signInForm('Your key is no longer accepted; sign in again.');
  });
} else {
  signInForm();
}
