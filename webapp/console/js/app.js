// The console's shell: sign-in, the side menu, and one page at a time chosen by the URL's fragment (#/location).
import * as api from './api.js';
import { describe, h, showMessage } from './ui.js';
import dashboard from './pages/dashboard.js';
import subscribers from './pages/subscribers.js';
import location from './pages/location.js';
import sockets from './pages/sockets.js';
import address from './pages/address.js';
import dialplan from './pages/dialplan.js';
import traces from './pages/traces.js';
import logLevels from './pages/log-levels.js';

const PAGES = { dashboard, subscribers, location, sockets, address, dialplan, traces, 'log-levels': logLevels };

const $ = (id) => document.getElementById(id);
let leaving = [];

function showLogin(reason) {
  leave();
  $('shell').hidden = true;
  $('login').hidden = false;
  if (reason) {
    showMessage($('login-message'), reason);
  }
  $('login-password').value = '';
  $('login-password').focus();
}

async function signIn(event) {
  event.preventDefault();
  const submit = $('login-submit');
  submit.disabled = true;
  $('login-message').hidden = true;
  try {
    await api.signIn($('login-user').value, $('login-password').value);
    showShell();
  } catch (error) {
    showMessage($('login-message'), error.status === 401 ? 'Wrong user or password.' : describe(error));
    $('login-password').value = '';
  } finally {
    submit.disabled = false;
  }
}

function showShell() {
  $('login').hidden = true;
  $('shell').hidden = false;
  $('signed-in-as').textContent = `Signed in as ${api.signedInUser()}`;
  show();
}

function leave() {
  leaving.forEach((cleanup) => cleanup());
  leaving = [];
}

/** Renders the page the fragment names; each page reads the router afresh. */
function show() {
  if (!api.signedInUser()) {
    showLogin();
    return;
  }
  leave();
  const name = (window.location.hash.match(/^#\/([\w-]+)/) || [])[1];
  if (!PAGES[name]) {
    window.location.hash = '#/dashboard';
    return;
  }
  document.querySelectorAll('.sidebar a').forEach((link) =>
    link.classList.toggle('active', link.dataset.page === name));
  $('banner').hidden = true;
  const root = h('div', { class: 'page', id: `page-${name}` });
  $('page').replaceChildren(root);
  document.title = `${PAGES[name].title} · Interchange`;
  PAGES[name].render(root, { onLeave: (cleanup) => leaving.push(cleanup) });
}

api.onUnauthorized(() => {
  api.signOut();
  showLogin('The router no longer accepts these credentials: sign in again.');
});

$('login-form').addEventListener('submit', signIn);
$('logout').addEventListener('click', () => {
  api.signOut();
  showLogin();
});
window.addEventListener('hashchange', show);
if (api.signedInUser()) {
  showShell();
} else {
  showLogin();
}
