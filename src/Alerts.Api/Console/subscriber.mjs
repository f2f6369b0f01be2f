// One subscriber: edit its filters, turn it on or off, rotate a webhook's secret, delete it, and see its recent deliveries.
import { api } from './api.mjs';
import { deliveryStatus, lastReply, noticeText } from './deliveries.mjs';
import { fill, h, table, time } from './dom.mjs';
import { clearProblems, problemBox, showProblem } from './problems.mjs';
import { secretPanel, subscriberFields } from './subscriber-form.mjs';
import { filtersText } from './subscribers.mjs';

const Headings = ['Incident', 'Notice', 'Status', 'Attempts', 'Last reply', 'Last attempt'];

function deliveryRow(d) {
  return h('tr', {},
    h('td', {}, h('a', { href: `#/incidents/${d.incidentId}` }, d.incidentId)),
    h('td', {}, noticeText(d)),
    h('td', {}, deliveryStatus(d)),
    h('td', { class: 'number' }, String(d.attempts)),
    h('td', {}, lastReply(d)),
    h('td', {}, time(d.lastAttemptAt)));
}

export function showSubscriber(view, subscriberId) {
  const message = h('div', { class: 'created' });

  async function load(note) {
    let subscriber;
    try {
      subscriber = (await api.subscriber(subscriberId)).json;
    } catch (error) {
      fill(view, h('h1', { tabindex: -1 }, 'No such subscriber'), problemBox(error.problem), h('p', {}, h('a', { href: '#/subscribers' }, '← Subscribers')));
      return;
    }
    if (note !== undefined) fill(message, ...[note].flat());
    render(subscriber);
  }

  function render(s) {
    const fields = subscriberFields(s);
    const save = h('button', { type: 'submit' }, 'Save');
    const form = h('form', { class: 'subscriber-form', novalidate: true }, fields.element, h('div', { class: 'buttons' }, save));
    form.addEventListener('submit', async event => {
      event.preventDefault();
      clearProblems(form);
      try {
        await api.replaceSubscriber(subscriberId, fields.request());
        await load(h('p', { class: 'ok' }, 'Saved.'));
      } catch (error) {
        showProblem(form, error);
      }
    });

    const toggle = h('button', { type: 'button', class: 'secondary' }, s.enabled ? 'Disable' : 'Enable');
    toggle.addEventListener('click', () => act(() => api.replaceSubscriber(subscriberId, subscriberFields(s).request({ enabledOverride: !s.enabled })),
      () => h('p', { class: 'ok' }, s.enabled ? 'Disabled: nothing more is sent to it.' : 'Enabled.')));
    const rotate = s.channel === 'webhook' ? h('button', { type: 'button', class: 'secondary' }, 'Rotate secret') : null;
    rotate?.addEventListener('click', () => act(() => api.rotateSecret(subscriberId),
      ({ json }) => [h('p', { class: 'ok' }, 'Rotated: the previous secret keeps signing alongside the new one for the grace period.'), secretPanel(json.secret, s.name)]));
    const remove = h('button', { type: 'button', class: 'danger' }, 'Delete…');
    remove.addEventListener('click', () => confirmDelete(s));

    const deliveries = h('tbody');
    const older = h('button', { type: 'button', class: 'secondary', hidden: true }, 'Older deliveries');
    let next = null;
    async function page() {
      const { json } = await api.subscriberDeliveries(subscriberId, next);
      if (!next) fill(deliveries);
      deliveries.append(...json.items.map(deliveryRow));
      if (deliveries.rows.length === 0 && !json.continuationToken) deliveries.append(h('tr', {}, h('td', { colspan: Headings.length }, 'Nothing sent to it in the last 30 days.')));
      next = json.continuationToken ?? null;
      older.hidden = !next;
    }
    older.addEventListener('click', page);

    fill(view, 
      h('p', {}, h('a', { href: '#/subscribers' }, '← Subscribers')),
      h('h1', { tabindex: -1 }, s.name),
      message,
      h('dl', { class: 'facts' },
        h('dt', {}, 'Channel'), h('dd', {}, `${s.channel}: ${s.url ?? s.email}`),
        h('dt', {}, 'Filters'), h('dd', {}, filtersText(s.filters)),
        h('dt', {}, 'Role'), h('dd', {}, s.role),
        h('dt', {}, 'State'), h('dd', {}, s.enabled ? 'enabled' : 'disabled', s.disabledReason ? `: ${s.disabledReason}` : ''),
        s.failingSince ? [h('dt', {}, 'Failing since'), h('dd', { class: 'failing' }, time(s.failingSince))] : null,
        h('dt', {}, 'Added'), h('dd', {}, time(s.createdAt)),
        s.previousSecretExpiresAt ? [h('dt', {}, 'Previous secret signs until'), h('dd', {}, time(s.previousSecretExpiresAt))] : null),
      h('div', { class: 'buttons' }, toggle, rotate, remove),
      h('section', { class: 'panel', 'aria-labelledby': 'edit-heading' }, h('h2', { id: 'edit-heading' }, 'Edit'), form),
      h('section', { class: 'panel', 'aria-labelledby': 'recent-heading' }, h('h2', { id: 'recent-heading' }, 'Recent deliveries'),
        table('The last 30 days, newest incident first', Headings, deliveries, 'deliveries'), older));
    page().catch(error => fill(deliveries, h('tr', {}, h('td', { colspan: Headings.length }, problemBox(error.problem)))));
  }

  async function act(run, describe) {
    try {
      const result = await run();
      await load(describe(result));
    } catch (error) {
      fill(message, problemBox(error.problem));
    }
  }

  function confirmDelete(s) {
    const yes = h('button', { type: 'button', class: 'danger' }, `Delete ${s.name}`);
    const no = h('button', { type: 'button', class: 'secondary' }, 'Keep it');
    const dialog = h('dialog', { 'aria-labelledby': 'delete-heading' },
      h('h2', { id: 'delete-heading' }, 'Delete this subscriber?'),
      h('p', {}, 'Deliveries not sent yet stop (they end failed); its delivery history stays.'),
      h('div', { class: 'buttons' }, yes, no));
    no.addEventListener('click', () => dialog.close());
    dialog.addEventListener('close', () => dialog.remove());
    yes.addEventListener('click', async () => {
      try {
        await api.deleteSubscriber(subscriberId);
        dialog.close();
        location.hash = '#/subscribers';
      } catch (error) {
        dialog.append(problemBox(error.problem));
      }
    });
    document.body.append(dialog);
    dialog.showModal();
    no.focus();
  }

  load();
  return () => document.querySelectorAll('dialog').forEach(d => d.close());
}
