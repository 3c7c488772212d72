// The v1 API, called with the signed-in key. A refusal becomes an ApiError whose message is in words.

const KEY = 'hotelkit.key';

export class ApiError extends Error {
  constructor(status, problem) {
    super(ApiError.words(status, problem));
    this.status = status;
    this.problem = problem;
  }

  static words(status, problem) {
    if (!problem) {
      return `The server answered ${status}.`;
    }
    const fields = (problem.errors || []).map(e => `${e.field.replaceAll('_', ' ')} ${e.message}`);
    const detail = problem.detail && problem.detail !== problem.title ? problem.detail : '';
    const text = [problem.title, detail, ...fields].filter(Boolean).join(': ');
    return text.endsWith('.') ? text : text + '.';
  }
}

export const session = {
  key: () => sessionStorage.getItem(KEY),
  signIn: key => sessionStorage.setItem(KEY, key),
  signOut: () => sessionStorage.removeItem(KEY),
};

let idempotencyCounter = 0;

/** A key for one attempt of one action: a retry of the same click sends the same one. */
export function idempotencyKey(action) {
  idempotencyCounter += 1;
  return `console-${action}-${Date.now().toString(36)}-${idempotencyCounter}-${Math.random().toString(36).slice(2, 8)}`;
}

export async function call(method, path, { body, headers = {}, raw = false } = {}) {
  const request = { method, headers: { Authorization: `Bearer ${session.key()}`, ...headers } };
  if (body !== undefined) {
    request.headers['Content-Type'] = 'application/json';
    request.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(`/v1${path}`, request);
  } catch (e) {
    throw new ApiError(0, { title: 'The server cannot be reached', detail: 'check the connection and try again' });
  }
  if (!response.ok) {
    let problem = null;
    try {
      problem = await response.json();
    } catch (e) {
      problem = null;
    }
    throw new ApiError(response.status, problem);
  }
  if (raw) {
    return response;
  }
  return response.status === 204 ? null : response.json();
}

export const get = (path) => call('GET', path);
export const post = (path, body, headers) => call('POST', path, { body, headers });
export const patch = (path, body, headers) => call('PATCH', path, { body, headers });
export const put = (path, body) => call('PUT', path, { body });

/** Every item of a list, following next_cursor. */
export async function all(path, limit = 500) {
  const items = [];
  let cursor = null;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const page = await get(`${path}${sep}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    items.push(...page.items);
    cursor = page.next_cursor;
  } while (cursor);
  return items;
}

/**
 * The property's events as they happen: the /events stream read with fetch (EventSource cannot send the
 * key). Calls onEvent({id, type, data}) for each; reconnects from the last id after a drop.
 */
export function events(propertyId, onEvent, onState) {
  const controller = new AbortController();
  let lastId = null;
  let stopped = false;
  async function run() {
    while (!stopped) {
      try {
        const headers = { Authorization: `Bearer ${session.key()}`, Accept: 'text/event-stream' };
        if (lastId) {
          headers['Last-Event-ID'] = lastId;
        }
        const response = await fetch(`/v1/properties/${propertyId}/events`, { headers, signal: controller.signal });
        if (!response.ok) {
          onState?.('refused');
          return;
        }
        onState?.('live');
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) {
            break;
          }
          buffer += value;
          let end;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const event = { id: null, type: 'message', data: '' };
            for (const line of block.split('\n')) {
              if (line.startsWith('id:')) event.id = line.slice(3).trim();
              else if (line.startsWith('event:')) event.type = line.slice(6).trim();
              else if (line.startsWith('data:')) event.data += line.slice(5).trim();
            }
            if (event.id) {
              lastId = event.id;
            }
            if (event.data) {
              try {
                event.data = JSON.parse(event.data);
              } catch (e) {
                // a plain text event stays text
              }
              onEvent(event);
            }
          }
        }
      } catch (e) {
        if (stopped) {
          return;
        }
      }
      onState?.('reconnecting');
      await new Promise(resolve => setTimeout(resolve, 2000));
    }
  }
  run();
  return () => {
    stopped = true;
    controller.abort();
  };
}
