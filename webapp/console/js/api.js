// The admin API as the console calls it: every call carries the tab's credentials (HTTP Basic) and
// X-Requested-With, so that a 401 comes without WWW-Authenticate and the browser shows no login dialog of its own.
// Nothing is cached: every call asks the router (cache: 'no-store').

const API = new URL('../api/', document.baseURI);
const KEY = 'interchange.console.credentials';

/** An answer other than 2xx, with the problem body's detail when there is one (RFC 7807). */
export class ApiError extends Error {
  constructor(status, detail, retryAfter) {
    super(detail);
    this.status = status;
    this.retryAfter = retryAfter;
  }

  /** The resource does not exist on this router (an older build, or a capability not deployed). */
  get notAvailable() {
    return this.status === 404 || this.status === 405;
  }
}

export function signedInUser() {
  const stored = sessionStorage.getItem(KEY);
  return stored ? JSON.parse(stored).user : null;
}

export function signOut() {
  sessionStorage.removeItem(KEY);
}

/** Checks the credentials against the API and keeps them for this tab only (sessionStorage). */
export async function signIn(user, password) {
  const authorization = 'Basic ' + base64(`${user}:${password}`);
  await call('GET', 'domains', undefined, authorization);
  sessionStorage.setItem(KEY, JSON.stringify({ user, authorization }));
}

export const get = (path) => call('GET', path);
export const post = (path, body) => call('POST', path, body);
export const put = (path, body) => call('PUT', path, body);
export const del = (path) => call('DELETE', path);

/** A path segment, percent-encoded (an address-of-record, a logger name). */
export const segment = encodeURIComponent;

/** Listeners told when the credentials stop working (a changed password, a restart with another one). */
const unauthorizedListeners = [];
export function onUnauthorized(listener) {
  unauthorizedListeners.push(listener);
}

async function call(method, path, body, authorization = storedAuthorization()) {
  const headers = { 'X-Requested-With': 'XMLHttpRequest', 'Accept': 'application/json' };
  if (authorization) {
    headers.Authorization = authorization;
  }
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  let response;
  try {
    response = await fetch(new URL(path, API), {
      method, headers, body: body === undefined ? undefined : JSON.stringify(body),
      cache: 'no-store', credentials: 'omit',
    });
  } catch (e) {
    throw new ApiError(0, 'the router does not answer (' + e.message + ')');
  }
  const text = await response.text();
  const json = text ? parse(text) : null;
  if (!response.ok) {
    const detail = json && json.detail ? json.detail : `${response.status} ${response.statusText}`;
    const error = new ApiError(response.status, detail, Number(response.headers.get('Retry-After')) || 0);
    if (response.status === 401 && authorization === storedAuthorization()) {
      unauthorizedListeners.forEach((listener) => listener(error));
    }
    throw error;
  }
  return json;
}

function storedAuthorization() {
  const stored = sessionStorage.getItem(KEY);
  return stored ? JSON.parse(stored).authorization : null;
}

function parse(text) {
  try {
    return JSON.parse(text);
  } catch (e) {
    return { detail: text };
  }
}

function base64(text) {
  // btoa takes Latin-1 only: encode the UTF-8 bytes, as the filter decodes them
  return btoa(String.fromCharCode(...new TextEncoder().encode(text)));
}
