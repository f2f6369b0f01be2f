// Amending the facts: a form over the facts as the page loaded them, sent as a JSON merge patch of only what the analyst
// changed, with the If-Match the page loaded. When someone else changed the incident first (412), it says what changed,
// keeps everything typed, and lets the analyst apply the same changes to the new version — or drop them.
import { api } from './api.mjs';
import { field, fill, h, select, utc, words } from './dom.mjs';
import { clearProblems, showProblem } from './problems.mjs';
import { Categories, Certainties, IssuedStatuses, Severities, Urgencies } from './vocabulary.mjs';

const text = (name, label, get, options = {}) => ({ name, label, get, ...options });

/** The facts an analyst may change, named as the API names them in errors (location.lat, attribution.actor, …). */
const Editable = [
  text('summary', 'Summary', f => f.summary, { multiline: true }),
  text('category', 'Category', f => f.category, { options: Categories }),
  text('severity', 'Severity', f => f.severity, { options: Severities }),
  text('certainty', 'Certainty', f => f.certainty, { options: Certainties }),
  text('urgency', 'Urgency', f => f.urgency, { options: Urgencies }),
  text('occurredAt', 'Occurred at (UTC, ISO 8601)', f => f.occurredAt),
  text('location.place', 'Place', f => f.location.place),
  text('location.country', 'Country (ISO 3166 alpha-2)', f => f.location.country),
  text('location.lat', 'Latitude', f => String(f.location.lat), { number: true }),
  text('location.lon', 'Longitude', f => String(f.location.lon), { number: true }),
  text('casualties.killed', 'Killed', f => String(f.casualties?.killed ?? ''), { number: true }),
  text('casualties.injured', 'Injured', f => String(f.casualties?.injured ?? ''), { number: true }),
  text('attribution.actor', 'Attributed to (empty: nobody)', f => f.attribution?.actor ?? ''),
  text('attribution.confidence', 'Attribution confidence', f => f.attribution?.confidence ?? 'possible', { options: Certainties }),
  text('details', 'Details', f => f.details ?? '', { multiline: true }),
];

function control(fact) {
  if (fact.options) return select(fact.options, null);
  if (fact.multiline) return h('textarea', { rows: fact.name === 'summary' ? 3 : 2 });
  return h('input', { type: 'text', inputmode: fact.number ? 'decimal' : null, autocomplete: 'off' });
}

export function amendForm(incidentId, onDone) {
  let base = null;
  let etag = null;
  const controls = new Map(Editable.map(fact => [fact.name, control(fact)]));
  const reason = h('input', { type: 'text', maxlength: 1000, autocomplete: 'off' });
  const afterRelease = h('p', { class: 'hint' });
  const changedMeanwhile = h('p', { class: 'notice', hidden: true }, 'This incident has changed since you opened the form; sending will show what changed.');
  const conflict = h('div', { class: 'conflict', role: 'alert', tabindex: -1, hidden: true });
  const submit = h('button', { type: 'submit' }, 'Send amendment');
  const cancel = h('button', { type: 'button', class: 'secondary' }, 'Close without sending');
  const form = h('form', { class: 'action action-amend', dataset: { action: 'amend' }, hidden: true, novalidate: true },
    h('h3', {}, 'Amend the facts'),
    afterRelease,
    changedMeanwhile,
    conflict,
    h('div', { class: 'grid-fields' }, Editable.map(fact => field(fact.label, controls.get(fact.name), { name: fact.name }))),
    field('Reason (for the timeline)', reason, { name: 'reason' }),
    h('div', { class: 'buttons' }, submit, cancel));
  // Disabled until the page has loaded the incident: the form must start from facts and an ETag it has seen.
  const open = h('button', { type: 'button', class: 'open-amend', disabled: true }, 'Amend facts…');

  for (const [name, input] of controls) {
    input.addEventListener('input', () => markDirty(name));
    input.addEventListener('change', () => markDirty(name));
  }

  function markDirty(name) {
    const input = controls.get(name);
    input.classList.toggle('dirty', input.value !== input.dataset.base);
  }

  const dirty = () => [...controls].filter(([, input]) => input.value !== input.dataset.base).map(([name]) => name);

  /** Loads the facts into every control the analyst has not changed (all of them when starting afresh). */
  function load(incident, newEtag, keepDirty) {
    const changed = keepDirty ? new Set(dirty()) : new Set();
    base = incident;
    etag = newEtag;
    for (const fact of Editable) {
      const input = controls.get(fact.name);
      input.dataset.base = fact.get(incident.facts);
      if (!changed.has(fact.name)) input.value = input.dataset.base;
      markDirty(fact.name);
    }
    afterRelease.textContent = IssuedStatuses.includes(incident.status)
      ? `Already released: an amendment sends an update (version ${incident.version + 1}) to everyone who was told.`
      : 'Still held: the amended facts are what will be released.';
    changedMeanwhile.hidden = true;
  }

  function close() {
    form.hidden = true;
    conflict.hidden = true;
    clearProblems(form);
    open.hidden = false;
    open.focus();
  }

  open.addEventListener('click', () => {
    form.hidden = false;
    open.hidden = true;
    form.querySelector('textarea, input, select').focus();
  });
  cancel.addEventListener('click', close);

  form.addEventListener('submit', async event => {
    event.preventDefault();
    clearProblems(form);
    const names = dirty();
    if (names.length === 0) {
      showProblem(form, { problem: { title: 'Nothing changed', detail: 'Change a fact first.' } });
      return;
    }
    submit.disabled = true;
    try {
      const { json } = await api.amend(incidentId, mergePatch(names), etag, reason.value.trim());
      reason.value = '';
      conflict.hidden = true;
      form.hidden = true;
      open.hidden = false;
      onDone(json);
    } catch (error) {
      if (error.status === 412) await showConflict();
      else showProblem(form, error);
    } finally {
      submit.disabled = false;
    }
  });

  /** The merge patch of the changed facts; attribution and casualties go whole, so a half-filled pair is never sent. */
  function mergePatch(names) {
    const value = name => controls.get(name).value.trim();
    const number = name => (value(name) === '' ? null : Number(value(name)));
    const patch = {};
    for (const name of names) {
      const [group, part] = name.split('.');
      if (group === 'attribution') {
        patch.attribution = value('attribution.actor') === '' ? null : { actor: value('attribution.actor'), confidence: value('attribution.confidence') };
      } else if (group === 'casualties') {
        const casualties = { killed: number('casualties.killed'), injured: number('casualties.injured') };
        patch.casualties = casualties.killed === null && casualties.injured === null ? null : casualties;
      } else if (group === 'location') {
        patch.location = { ...patch.location, [part]: part === 'lat' || part === 'lon' ? number(name) : value(name) };
      } else {
        patch[name] = name === 'details' && value(name) === '' ? null : value(name);
      }
    }
    return patch;
  }

  async function showConflict() {
    const { json: current, etag: currentEtag } = await api.incident(incidentId);
    const mine = new Set(dirty());
    const lines = [];
    if (current.status !== base.status) lines.push(`Status: ${words(base.status)} → ${words(current.status)}`);
    if (current.holdUntil !== base.holdUntil) lines.push(`Hold until: ${utc(base.holdUntil)} → ${utc(current.holdUntil)}`);
    for (const fact of Editable) {
      const before = fact.get(base.facts);
      const after = fact.get(current.facts);
      if (before !== after) lines.push(`${fact.label}: “${before}” → “${after}”${mine.has(fact.name) ? ' (you changed this too)' : ''}`);
    }
    for (const entry of current.timeline.slice(base.timeline.length)) {
      lines.push(`Timeline: ${utc(entry.at)} ${entry.actor} ${entry.action}${entry.detail ? ` — ${entry.detail}` : ''}`);
    }
    const apply = h('button', { type: 'button' }, 'Apply my changes to the new version');
    const drop = h('button', { type: 'button', class: 'secondary' }, 'Drop my changes');
    apply.addEventListener('click', () => {
      load(current, currentEtag, true);
      conflict.hidden = true;
      submit.focus();
    });
    drop.addEventListener('click', () => {
      load(current, currentEtag, false);
      conflict.hidden = true;
      close();
    });
    fill(conflict, 
      h('p', { class: 'problem-title' }, 'Changed by someone else while you were editing: nothing was sent.'),
      h('p', {}, 'What changed:'),
      h('ul', {}, lines.length ? lines.map(line => h('li', {}, line)) : h('li', {}, 'nothing you can see here (the service changed its tag)')),
      h('p', {}, 'Your changes are still in the form.'),
      h('div', { class: 'buttons' }, apply, drop));
    conflict.hidden = false;
    conflict.focus();
  }

  return {
    element: h('div', { class: 'amend' }, open, form),
    /** Keeps an open form on the version it was opened on; a closed one follows the page. */
    update(incident, newEtag) {
      if (form.hidden) load(incident, newEtag, false);
      else if (newEtag !== etag && conflict.hidden) changedMeanwhile.hidden = false;
      open.disabled = false;
    },
  };
}
