// Who is told: before release, who would be (the matching subscribers, counted by channel); after, every delivery with
// its status, attempts and last error, and for admins a button to send a failed one again.
import { api } from './api.mjs';
import { fill, h, plural, reconcile, table, time, words } from './dom.mjs';
import { problemBox } from './problems.mjs';
import { may } from './session.mjs';

/** What the receiver last said: its status code or SMTP reply, and the error. */
export function lastReply(delivery) {
  return [delivery.lastCode, delivery.lastError].filter(v => v !== undefined && v !== null).join(' ') || '—';
}

/** "1 · alert" */
export function noticeText(delivery) {
  return `${delivery.notice} · ${delivery.type.replace('incident.', '')}`;
}

export function deliveryStatus(delivery) {
  return h('span', { class: `badge delivery-status-${delivery.status}` }, words(delivery.status));
}

/** "3 subscribers: 2 by webhook, 1 by email". */
function counted(count, who) {
  return `${plural(count.total, who)}${count.total ? `: ${count.webhook} by webhook, ${count.email} by email` : ''}`;
}

export function audienceView(audience, exercise) {
  return h('div', { class: 'audience' },
    h('p', { class: 'audience-count' }, 'If released now, the alert goes to ', h('strong', {}, counted(audience.subscribers, 'subscriber')), '.'),
    h('p', {}, `The analysts' desk: ${counted(audience.analysts, 'analyst')} (reviews, not alerts).`),
    h('p', { class: 'hint' }, exercise
      ? 'An exercise: only subscribers who opted in to exercises are counted.'
      : 'Counted with the facts as they stand: amending the country, severity or category can change it.'));
}

/** Statuses an operator may send again: a failure, or one that arrived but must be repeated. Never a withdrawn notice. */
const Resendable = ['failed', 'delivered'];

const Headings = ['Subscriber', 'Channel', 'Notice', 'Status', 'Attempts', 'Last reply', 'Last attempt', ''];

export function deliveriesView(incidentId, refresh) {
  const body = h('tbody');
  const summary = h('p', { class: 'delivery-summary' });
  const message = h('div', { role: 'status' });

  function row(delivery) {
    const resend = may('redeliver') && Resendable.includes(delivery.status)
      ? h('button', { type: 'button', class: 'secondary small', 'aria-label': `Redeliver to ${delivery.subscriberName}` }, 'Redeliver')
      : null;
    resend?.addEventListener('click', async () => {
      resend.disabled = true;
      try {
        await api.redeliver(incidentId, delivery.deliveryId);
        fill(message, h('p', { class: 'ok' }, `Sent again to ${delivery.subscriberName} (same webhook-id).`));
        await refresh();
      } catch (error) {
        fill(message, problemBox(error.problem));
        resend.disabled = false;
      }
    });
    return h('tr', { class: `delivery-${delivery.status}` },
      h('td', {}, delivery.subscriberName),
      h('td', {}, delivery.channel),
      h('td', {}, noticeText(delivery)),
      h('td', {}, deliveryStatus(delivery)),
      h('td', { class: 'number' }, String(delivery.attempts)),
      h('td', {}, lastReply(delivery)),
      h('td', {}, time(delivery.lastAttemptAt)),
      h('td', {}, resend));
  }

  return {
    element: h('div', { class: 'deliveries' }, summary, message, h('div', { class: 'scroll' }, table('Every delivery, by notice', Headings, body, 'deliveries'))),
    show(counts, deliveries) {
      summary.textContent = `${plural(counts.total, 'delivery', 'deliveries')}: ${counts.delivered} delivered, ${counts.pending} pending, ` +
        `${counts.failed} failed, ${counts.withdrawn} withdrawn, ${counts.attempted} attempted` + (deliveries.more ? ' (the first 1,000 are listed)' : '');
      reconcile(body, deliveries.items, d => d.deliveryId, row, 'No deliveries yet.', Headings.length);
    },
  };
}
