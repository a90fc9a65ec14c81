// Talks to the host: every request carries the signed-in credential (kept in sessionStorage, so
// it goes when the tab closes), and server-sent events are read with fetch() because EventSource
// cannot send headers.

const storageKey = 'intakemesh.credential';

export class HttpError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

export const credential = {
  get: () => sessionStorage.getItem(storageKey),
  set: value => sessionStorage.setItem(storageKey, value.trim()),
  clear: () => sessionStorage.removeItem(storageKey),
};

/** A JWT has three dot-separated base64url parts and starts with "eyJ"; anything else is an API key. */
export function authHeaders(value = credential.get()) {
  if (!value) return {};
  return /^eyJ[\w-]*\.[\w-]+\.[\w-]*$/.test(value) ? { Authorization: `Bearer ${value}` } : { 'X-Api-Key': value };
}

let onUnauthorized = () => {};
export const whenSignedOut = handler => { onUnauthorized = handler; };

export async function request(method, path, body, value) {
  const response = await fetch(path, {
    method,
    headers: { Accept: 'application/json', ...authHeaders(value), ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
    cache: 'no-store',
  });
  if (!response.ok) {
    const problem = await response.json().catch(() => null);
    const why = problem?.detail ?? problem?.title ?? (problem?.errors ? Object.values(problem.errors).flat().join('; ') : null) ?? response.statusText;
    if (response.status === 401 && value === undefined) onUnauthorized(why);
    throw new HttpError(response.status, why || String(response.status));
  }
  return response.status === 204 ? null : response.json();
}

export const get = (path, value) => request('GET', path, undefined, value);
export const post = (path, body) => request('POST', path, body);

/**
 * Follows a server-sent event stream until `signal` aborts, reconnecting with back-off when it
 * drops. `onEvent(name, data)` gets each event; `onState('live'|'reconnecting')` the connection.
 */
export async function follow(path, onEvent, onState, signal) {
  let delay = 1000;
  while (!signal.aborted) {
    try {
      const response = await fetch(path, { headers: { Accept: 'text/event-stream', ...authHeaders() }, cache: 'no-store', signal });
      if (response.status === 401) {
        onUnauthorized('signed out');
        return;
      }
      if (!response.ok) throw new HttpError(response.status, response.statusText);
      onState('live');
      delay = 1000;
      await readEvents(response.body, onEvent);
    } catch (error) {
      if (signal.aborted) return;
      console.warn('board stream', error);
    }
    onState('reconnecting');
    await new Promise(resolve => setTimeout(resolve, delay));
    delay = Math.min(delay * 2, 15000);
  }
}

async function readEvents(body, onEvent) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value.replace(/\r\n?/g, '\n');
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let name = 'message';
      const data = [];
      for (const line of block.split('\n')) {
        if (line.startsWith(':')) continue;
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        const text = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'event') name = text;
        else if (field === 'data') data.push(text);
      }
      if (data.length) onEvent(name, JSON.parse(data.join('\n')));
    }
  }
}
