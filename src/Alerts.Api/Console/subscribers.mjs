// Subscriber admin: the list, and adding one (a webhook's signing secret is shown once, with a copy button).
import { api } from './api.mjs';
import { fill, h, reconcile, table } from './dom.mjs';
import { clearProblems, problemBox, showProblem } from './problems.mjs';
import { secretPanel, subscriberFields } from './subscriber-form.mjs';

const Headings = ['Name', 'Channel', 'Sends to', 'Filters', 'Role', 'Exercises', 'Enabled'];

export function filtersText(filters) {
  const parts = [
    filters.countries.length ? filters.countries.join(', ') : 'all countries',
    filters.minimumSeverity === 'unknown' ? 'any severity' : `${filters.minimumSeverity} and above`,
    filters.categories.length ? filters.categories.join(', ') : 'all categories',
    filters.area ? 'an area of interest' : null,
  ].filter(Boolean);
  return parts.join(' · ');
}

function row(s) {
  return h('tr', { class: s.enabled ? '' : 'disabled' },
    h('td', {}, h('a', { href: `#/subscribers/${s.subscriberId}` }, s.name)),
    h('td', {}, s.channel),
    h('td', { class: 'target' }, s.url ?? s.email),
    h('td', {}, filtersText(s.filters)),
    h('td', {}, s.role),
    h('td', {}, s.exercises ? 'yes' : 'no'),
    h('td', {}, s.enabled ? 'yes' : 'no', s.failingSince ? h('span', { class: 'failing' }, ' (failing)') : null));
}

export function showSubscribers(view) {
  const body = h('tbody');
  const created = h('div', { class: 'created' });
  const more = h('p', { class: 'hint', hidden: true }, 'Only the first 1,000 subscribers are listed.');
  const adding = h('details', { class: 'add' }, h('summary', {}, 'Add a subscriber'));

  async function load() {
    try {
      const { items, more: hasMore } = await api.subscribers();
      reconcile(body, items, s => s.subscriberId, row, 'No subscribers yet.', Headings.length);
      more.hidden = !hasMore;
    } catch (error) {
      fill(body, h('tr', {}, h('td', { colspan: Headings.length }, problemBox(error.problem))));
    }
  }

  /** A fresh, empty form (after an add, the next one starts from the defaults again). */
  function addForm() {
    const fields = subscriberFields();
    const submit = h('button', { type: 'submit' }, 'Add subscriber');
    const form = h('form', { class: 'subscriber-form', novalidate: true }, fields.element, h('div', { class: 'buttons' }, submit));
    form.addEventListener('submit', async event => {
      event.preventDefault();
      clearProblems(form);
      submit.disabled = true;
      try {
        const { json } = await api.createSubscriber(fields.request());
        adding.open = false;
        form.replaceWith(addForm());
        fill(created, 
          h('p', { class: 'ok' }, `Added ${json.channel} subscriber `, h('a', { href: `#/subscribers/${json.subscriberId}` }, json.name), '.'),
          json.secret ? secretPanel(json.secret, json.name) : null);
        (created.querySelector('.secret button') ?? created.querySelector('a')).focus();
        await load();
      } catch (error) {
        showProblem(form, error);
      } finally {
        submit.disabled = false;
      }
    });
    return form;
  }

  adding.append(addForm());
  fill(view, 
    h('h1', { tabindex: -1 }, 'Subscribers'),
    created,
    adding,
    table('Everyone who can be told, and how', Headings, body, 'subscribers'),
    more);
  load();
  return () => {};
}
