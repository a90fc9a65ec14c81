// The board's shell: sign-in, the header, and a hash router over three pages
// (#/ the list, #/incidents/{id}, #/customers/{key}).
import { credential, get, whenSignedOut } from './api.js';
import { h, show } from './dom.js';
import { lang, t, userRoleName } from './i18n.js';
import { listPage } from './list.js';
import { incidentPage } from './incident.js';
import { customerPage } from './customer.js';

const main = document.getElementById('main');
const user = document.getElementById('user');
const liveState = document.getElementById('live');
let me = null;
let leave = null;

document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
document.title = t('title');
document.getElementById('title').textContent = t('title');
const skip = document.getElementById('skip');
skip.textContent = t('skip');
// The hash is the router's: the skip link moves the focus instead of the address.
skip.addEventListener('click', event => {
  event.preventDefault();
  main.focus();
});

/** Shows the stream's state in the header: live, reconnecting or not connected. */
export function setLive(state) {
  liveState.dataset.state = state;
  liveState.textContent = t(state === 'live' ? 'live' : state === 'reconnecting' ? 'reconnecting' : 'offline');
}

whenSignedOut(why => signOut(why));

function signOut(why) {
  credential.clear();
  me = null;
  route(why);
}

function signInForm(message) {
  const input = h('input', { id: 'credential', type: 'password', autocomplete: 'off', required: true, spellcheck: 'false', 'aria-describedby': 'signin-help' });
  const error = h('p', { class: 'error', role: 'alert' }, message ? t('signInFailed', { why: message }) : '');
  const form = h('form', { class: 'signin', onsubmit: async event => {
    event.preventDefault();
    try {
      me = await get('/api/me', input.value.trim());
      credential.set(input.value);
      route();
    } catch (e) {
      error.textContent = t('signInFailed', { why: e.message });
      input.select();
    }
  } },
  h('h2', {}, t('signIn')),
  h('p', { id: 'signin-help' }, t('signInHelp')),
  h('label', { for: 'credential' }, t('credential')),
  input,
  h('button', { type: 'submit' }, t('signIn')),
  error);
  show(main, form);
  input.focus();
}

function header() {
  if (!me) {
    show(user);
    return;
  }
  show(user,
    h('span', { class: 'who', 'data-role': me.role }, t('signedInAs', { name: me.name, role: userRoleName(me.role) })),
    h('button', { type: 'button', class: 'link', onclick: () => signOut() }, t('signOut')));
}

async function route(message) {
  leave?.();
  leave = null;
  if (!credential.get()) {
    header();
    setLive('offline');
    signInForm(message);
    return;
  }
  if (!me) {
    try {
      me = await get('/api/me');
    } catch (e) {
      if (e.status === 401) return;
      show(main, h('p', { class: 'error', role: 'alert' }, t('failed', { why: e.message })));
      return;
    }
  }
  header();
  const hash = location.hash.replace(/^#/, '') || '/';
  const [path, search = ''] = hash.split('?');
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  const context = { me, main, setLive, params: new URLSearchParams(search) };
  if (parts[0] === 'incidents' && parts[1]) {
    leave = incidentPage(context, parts[1]);
  } else if (parts[0] === 'customers' && parts[1]) {
    leave = customerPage(context, parts[1]);
  } else {
    leave = listPage(context);
  }
}

window.addEventListener('hashchange', () => route());
route();
