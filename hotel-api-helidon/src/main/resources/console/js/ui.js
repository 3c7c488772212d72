// Small DOM helpers shared by the screens: elements, messages, money and dates, dialogs, tables.

/** h('button', {class: 'x', onclick: f}, 'text', child...) */
export function h(tag, attributes = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (name.startsWith('on') && typeof value === 'function') {
      el.addEventListener(name.slice(2), value);
    } else if (name === 'dataset') {
      Object.assign(el.dataset, value);
    } else if (value === true) {
      el.setAttribute(name, '');
    } else {
      el.setAttribute(name, value);
    }
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined && child !== false) {
      el.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
  }
  return el;
}

export function clear(el) {
  el.replaceChildren();
  return el;
}

let statusTimer = null;

/** A passing message, read out politely. */
export function say(message) {
  const status = document.getElementById('status');
  status.textContent = message;
  status.classList.add('shown');
  clearTimeout(statusTimer);
  statusTimer = setTimeout(() => status.classList.remove('shown'), 6000);
}

/** A refusal or failure, read out at once and kept until the next action. */
export function alertError(error) {
  const alert = document.getElementById('alert');
  alert.textContent = error.message || String(error);
  alert.classList.add('shown');
}

export function clearAlert() {
  const alert = document.getElementById('alert');
  alert.textContent = '';
  alert.classList.remove('shown');
}

/** Runs an action of a button: disables it meanwhile, shows a refusal in words. */
export async function act(button, action, success) {
  clearAlert();
  if (button) button.disabled = true;
  try {
    const result = await action();
    if (success) say(typeof success === 'function' ? success(result) : success);
    return result;
  } catch (error) {
    alertError(error);
    return undefined;
  } finally {
    if (button) button.disabled = false;
  }
}

// Formatters are made once: making one per call costs about a millisecond, too much for a tape chart's bars.
const moneyFormats = new Map();
const DAY = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });

export function money(m) {
  if (!m) return '';
  try {
    if (!moneyFormats.has(m.currency)) {
      moneyFormats.set(m.currency, new Intl.NumberFormat('en-GB', { style: 'currency', currency: m.currency }));
    }
    return moneyFormats.get(m.currency).format(Number(m.amount));
  } catch (e) {
    return `${m.amount} ${m.currency}`;
  }
}

export function addDays(isoDate, days) {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function daysBetween(from, to) {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86400000);
}

export function dayLabel(isoDate) {
  return DAY.format(new Date(`${isoDate}T00:00:00Z`));
}

export const STATUS_WORDS = {
  confirmed: 'Confirmed',
  checked_in: 'In house',
  checked_out: 'Checked out',
  cancelled: 'Cancelled',
  no_show: 'No-show',
};

export function statusBadge(status) {
  return h('span', { class: `badge st-${status}` }, STATUS_WORDS[status] || status);
}

/** A labelled form field; returns the wrapper, the control is its .control. */
export function field(label, control, hint) {
  const id = control.id || `f-${Math.random().toString(36).slice(2, 9)}`;
  control.id = id;
  const wrapper = h('div', { class: 'field' }, h('label', { for: id }, label), control,
    hint ? h('small', { class: 'hint' }, hint) : null);
  wrapper.control = control;
  return wrapper;
}

export function table(caption, headers, rows, { className = '' } = {}) {
  return h('table', { class: `grid ${className}` },
    h('caption', {}, caption),
    h('thead', {}, h('tr', {}, headers.map(label => h('th', { scope: 'col' }, label)))),
    h('tbody', {}, rows.length ? rows : h('tr', {}, h('td', { colspan: headers.length, class: 'empty' }, 'None.'))));
}

/** A modal dialog; resolves with the form's submit result or null when cancelled. */
export function dialog(title, content, { submitLabel = 'OK', onSubmit } = {}) {
  return new Promise(resolve => {
    const titleId = `d-${Math.random().toString(36).slice(2, 9)}`;
    const submit = h('button', { type: 'submit', class: 'primary' }, submitLabel);
    const cancel = h('button', { type: 'button' }, 'Cancel');
    const message = h('p', { class: 'dialog-error', role: 'alert' });
    const form = h('form', { method: 'dialog' }, h('h2', { id: titleId }, title), content, message,
      h('div', { class: 'actions' }, submit, cancel));
    const box = h('dialog', { 'aria-labelledby': titleId }, form);
    document.body.append(box);
    const close = value => {
      box.close();
      box.remove();
      resolve(value);
    };
    cancel.addEventListener('click', () => close(null));
    box.addEventListener('cancel', event => {
      event.preventDefault();
      close(null);
    });
    form.addEventListener('submit', async event => {
      event.preventDefault();
      submit.disabled = true;
      message.textContent = '';
      try {
        const result = onSubmit ? await onSubmit() : true;
        close(result);
      } catch (error) {
        message.textContent = error.message;
        submit.disabled = false;
      }
    });
    box.showModal();
    const first = form.querySelector('input, select, textarea, button');
    first?.focus();
  });
}

/** Writes rows as a CSV file the browser downloads. */
export function downloadCsv(filename, headers, rows) {
  const quote = value => {
    const text = value === null || value === undefined ? '' : String(value);
    return /[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  const csv = [headers, ...rows].map(row => row.map(quote).join(',')).join('\r\n') + '\r\n';
  const link = h('a', { href: URL.createObjectURL(new Blob([csv], { type: 'text/csv' })), download: filename });
  document.body.append(link);
  link.click();
  setTimeout(() => {
    URL.revokeObjectURL(link.href);
    link.remove();
  }, 1000);
}
