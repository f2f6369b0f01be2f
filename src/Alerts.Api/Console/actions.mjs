// The analyst's decisions with the rules built in: confirm (release now) while pending; extend (by or until) while held
// or contested; retract (a reason is required) until final; amend is in amend.mjs. Each asks why, and reports the
// timeline entry it made.
import { amendForm } from './amend.mjs';
import { api } from './api.mjs';
import { field, h } from './dom.mjs';
import { clearProblems, showProblem } from './problems.mjs';
import { FinalStatuses, HoldingStatuses, IssuedStatuses, PendingStatuses } from './vocabulary.mjs';

/** Every decision's form for the incident; onDone(incident) gets the incident each decision returns. */
export function actionsFor(incidentId, onDone) {
  const amend = amendForm(incidentId, onDone);
  const others = decisionForms(incidentId, onDone);
  // Hidden until the incident is loaded: which decisions are offered depends on its status.
  const closed = h('p', { class: 'hint' });
  const element = h('div', { class: 'actions', hidden: true }, others.confirm, others.extend, amend.element, others.retract, closed);
  return {
    element,
    update(incident, etag) {
      element.hidden = false;
      closed.hidden = !FinalStatuses.includes(incident.status);
      closed.textContent = `Nothing is left to decide: the incident is ${incident.status}.`;
      others.update(incident);
      amend.element.hidden = FinalStatuses.includes(incident.status);
      amend.update(incident, etag);
    },
  };
}

function decisionForms(incidentId, onDone) {
  const confirmReason = h('input', { type: 'text', maxlength: 1000, autocomplete: 'off' });
  const confirm = actionForm('confirm', 'Confirm: release now', 'Subscribers whose filters match are told the facts as they stand.', [
    field('Reason (for the timeline)', confirmReason, { name: 'reason' }),
  ], 'Confirm and release', () => api.confirm(incidentId, confirmReason.value.trim()), onDone);

  const by = h('input', { type: 'number', min: 1, max: 43200, step: 1, value: '10', inputmode: 'numeric' });
  const until = h('input', { type: 'datetime-local' });
  const byChoice = h('input', { type: 'radio', name: 'extend-how', value: 'by', checked: true });
  const untilChoice = h('input', { type: 'radio', name: 'extend-how', value: 'until' });
  const extendReason = h('input', { type: 'text', maxlength: 1000, autocomplete: 'off' });
  const extend = actionForm('extend', 'Extend the hold', 'Hold longer: at most 30 days past the current end. The pending release will not fire early.', [
    h('fieldset', {},
      h('legend', {}, 'How long'),
      h('label', { class: 'choice' }, byChoice, ' by a number of minutes'),
      h('label', { class: 'choice' }, untilChoice, ' until a time'),
      field('Minutes longer', by, { name: 'by' }),
      field('Until (your local time)', until, { name: 'until' })),
    field('Reason (for the timeline)', extendReason, { name: 'reason' }),
  ], 'Extend', () => api.extend(incidentId, byChoice.checked
    ? { by: minutesAsTimeSpan(Number(by.value)), reason: extendReason.value.trim() || null }
    : { until: until.value ? new Date(until.value).toISOString() : null, reason: extendReason.value.trim() || null }), onDone);

  const retractReason = h('textarea', { rows: 2, maxlength: 1000, required: true });
  const retractExplain = h('p', { class: 'hint' });
  const retractButton = h('button', { type: 'submit', class: 'danger' }, 'Retract');
  const retractTitle = h('h3', {}, 'Retract');
  const retract = actionForm('retract', retractTitle, retractExplain, [
    field('Reason (required)', retractReason, { name: 'reason' }),
  ], retractButton, () => api.retract(incidentId, retractReason.value.trim()), onDone);

  return {
    confirm,
    extend,
    retract,
    /** Offers only what the incident's status allows. */
    update(incident) {
      confirm.hidden = !PendingStatuses.includes(incident.status);
      extend.hidden = !HoldingStatuses.includes(incident.status);
      retract.hidden = FinalStatuses.includes(incident.status);
      const issued = IssuedStatuses.includes(incident.status);
      retractTitle.textContent = issued ? 'Retract: cancel the alert' : 'Retract: never alert';
      retractExplain.textContent = issued
        ? 'Everyone who was told gets a cancellation.'
        : 'The incident is closed and no subscriber is ever told.';
      retractButton.textContent = issued ? 'Retract and cancel' : 'Retract';
    },
  };
}

/** 90 → "01:30:00", 2,000 → "1.09:20:00": the TimeSpan form the API reads. */
export function minutesAsTimeSpan(minutes) {
  const whole = Math.max(0, Math.round(minutes));
  const days = Math.floor(whole / 1440);
  const hours = String(Math.floor((whole % 1440) / 60)).padStart(2, '0');
  const rest = String(whole % 60).padStart(2, '0');
  return `${days > 0 ? `${days}.` : ''}${hours}:${rest}:00`;
}

function actionForm(name, title, explain, fields, submit, run, onDone) {
  const button = submit instanceof Node ? submit : h('button', { type: 'submit' }, submit);
  const form = h('form', { class: `action action-${name}`, dataset: { action: name }, novalidate: true },
    title instanceof Node ? title : h('h3', {}, title),
    explain instanceof Node ? explain : h('p', { class: 'hint' }, explain),
    fields,
    h('div', { class: 'buttons' }, button));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    clearProblems(form);
    const missing = [...form.querySelectorAll('[required]')].find(control => !control.value.trim());
    if (missing) {
      showProblem(form, { problem: { title: 'Say why', errors: { [missing.name]: ['is required.'] } } });
      return;
    }
    button.disabled = true;
    try {
      const { json } = await run();
      form.reset();
      onDone(json);
    } catch (error) {
      showProblem(form, error);
    } finally {
      button.disabled = false;
    }
  });
  return form;
}
