// Shows what the service refused and why (its RFC 9457 problem), next to the form that asked, field by field.
import { h } from './dom.mjs';

/** Clears earlier messages of a form. */
export function clearProblems(form) {
  form.querySelectorAll('.field .error').forEach(error => { error.hidden = true; error.textContent = ''; });
  form.querySelectorAll('[aria-invalid]').forEach(control => control.removeAttribute('aria-invalid'));
  form.querySelector('.problem')?.remove();
}

/**
 * Puts the problem at the top of the form and each field error under its control (fields are matched by their name,
 * e.g. "location.lat"); focus goes to the summary, so a keyboard or screen-reader user hears what went wrong.
 */
export function showProblem(form, error) {
  clearProblems(form);
  const problem = error.problem ?? { title: error.message };
  const errors = Object.entries(problem.errors ?? {});
  const unplaced = [];
  for (const [name, messages] of errors) {
    // "filters.countries[1]" belongs to the countries field.
    const slot = form.querySelector(`.field[data-field="${CSS.escape(name)}"] .error`) ??
      form.querySelector(`.field[data-field="${CSS.escape(name.replace(/\[\d+\]$/, ''))}"] .error`);
    if (slot) {
      slot.textContent = messages.join(' ');
      slot.hidden = false;
      slot.parentElement.querySelector('input, select, textarea')?.setAttribute('aria-invalid', 'true');
    } else {
      unplaced.push(`${name}: ${messages.join(' ')}`);
    }
  }
  const summary = problemBox(problem, unplaced);
  form.prepend(summary);
  summary.focus();
}

export function problemBox(problem, lines = []) {
  return h('div', { class: 'problem', role: 'alert', tabindex: -1 },
    h('p', { class: 'problem-title' }, problem.title ?? 'Refused'),
    problem.detail ? h('p', {}, problem.detail) : null,
    lines.length ? h('ul', {}, lines.map(line => h('li', {}, line))) : null);
}
