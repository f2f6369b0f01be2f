// The duty desk console: sign in with an API key (kept in this tab's session only), then the board, incident pages and,
// for admins, subscribers. Routes live in the URL's fragment (#/board, #/incidents/{id}, #/subscribers/{id}); keys never do.
import { ApiError, api, onUnauthorized } from './api.mjs';
import { showBoard } from './board.mjs';
import { fill, h } from './dom.mjs';
import { showIncident } from './incident.mjs';
import { problemBox } from './problems.mjs';
import { forget, may, remember, session } from './session.mjs';
import { showSubscriber } from './subscriber.mjs';
import { showSubscribers } from './subscribers.mjs';
import { Abilities } from './vocabulary.mjs';

const view = document.getElementById('view');
const signIn = document.getElementById('sign-in');
const signInForm = document.getElementById('sign-in-form');
const signInMessage = document.getElementById('sign-in-message');
const nav = document.getElementById('nav');
const who = document.getElementById('who');
let leave = () => {};

function showSignedIn(caller) {
  document.getElementById('who-name').textContent = caller.name;
  document.getElementById('who-role').textContent = caller.role;
  document.getElementById('who-may').textContent = `may ${caller.may.map(a => Abilities[a] ?? a).join(', ')}`;
  nav.querySelectorAll('[data-needs]').forEach(link => { link.hidden = !may(link.dataset.needs); });
  who.hidden = false;
  nav.hidden = false;
  signIn.hidden = true;
}

function showSignIn(message) {
  leave();
  leave = () => {};
  fill(view);
  who.hidden = true;
  nav.hidden = true;
  signIn.hidden = false;
  fill(signInMessage, message ? problemBox({ title: message }) : '');
  document.getElementById('api-key').focus();
}

function signOut(message) {
  forget();
  showSignIn(message);
}

signInForm.addEventListener('submit', async event => {
  event.preventDefault();
  const keys = { apiKey: document.getElementById('api-key').value.trim(), functionKey: document.getElementById('function-key').value.trim() || null };
  if (!keys.apiKey) {
    fill(signInMessage, problemBox({ title: 'Enter an API key' }));
    return;
  }
  try {
    const { json: caller } = await api.me(keys);
    remember({ ...keys, caller });
    signInForm.reset();
    showSignedIn(caller);
    route();
  } catch (error) {
    fill(signInMessage, problemBox(error instanceof ApiError && error.status === 401
      ? { title: 'This key is not accepted', detail: 'Check the key (and, in Azure, the function key).' }
      : error.problem ?? { title: error.message }));
  }
});

document.getElementById('sign-out').addEventListener('click', () => signOut());
onUnauthorized(() => signOut('The service no longer accepts this key: sign in again.'));

function notAllowed(what) {
  fill(view, h('h1', { tabindex: -1 }, 'Not for this role'),
    h('p', {}, `${what} needs another role. A ${session().caller.role} key may ${session().caller.may.map(a => Abilities[a] ?? a).join(', ')}.`));
}

function route() {
  leave();
  leave = () => {};
  if (!session()) {
    showSignIn();
    return;
  }
  const [section, id] = location.hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
  nav.querySelectorAll('a').forEach(link => link.removeAttribute('aria-current'));
  nav.querySelector(`a[href="#/${section === 'subscribers' ? 'subscribers' : 'board'}"]`)?.setAttribute('aria-current', 'page');
  if (section === 'incidents' && id) {
    leave = showIncident(view, id);
  } else if (section === 'subscribers') {
    if (!may('manageSubscribers')) notAllowed('Subscriber admin');
    else leave = id ? showSubscriber(view, id) : showSubscribers(view);
  } else if (may('readBoard')) {
    leave = showBoard(view);
  } else {
    notAllowed('The board');
  }
  view.querySelector('h1')?.focus();
}

window.addEventListener('hashchange', route);

const existing = session();
if (existing) {
  showSignedIn(existing.caller);
  route();
} else {
  showSignIn();
}
