// The board: what is still held (soonest decision first) with live countdowns, then what was recently told or closed.
import { api } from './api.mjs';
import { countdown } from './clock.mjs';
import { badge, exerciseBadge, fill, h, plural, reconcile, table, time, utc } from './dom.mjs';
import { poll } from './poll.mjs';
import { DoneStatuses, PendingStatuses } from './vocabulary.mjs';

/** Polling, not server-sent events: the same in both hosts (Functions HTTP triggers do not hold streams open). */
export const RefreshSeconds = 3;

const HeldHeadings = ['Hold', 'Status', 'Severity', 'Category', 'Place', 'Reports', 'Summary'];
const RecentHeadings = ['Status', 'Received', 'Severity', 'Category', 'Place', 'Reports', 'Summary'];

export function showBoard(view) {
  const held = h('tbody');
  const recent = h('tbody');
  const state = h('p', { class: 'refresh', role: 'status' }, 'Loading…');
  fill(view, 
    h('h1', { tabindex: -1 }, 'Board'),
    state,
    h('section', { 'aria-labelledby': 'held-heading' },
      h('h2', { id: 'held-heading' }, 'Held for verification'),
      table('Held, contested and awaiting confirmation: nobody has been told yet', HeldHeadings, held, 'board held')),
    h('section', { 'aria-labelledby': 'recent-heading' },
      h('h2', { id: 'recent-heading' }, 'Recently released, updated, retracted and cancelled'),
      table('Newest first', RecentHeadings, recent, 'board recent')));

  const refresh = poll(RefreshSeconds * 1000, async () => {
    const [pending, done] = await Promise.all([api.board(PendingStatuses, 100), api.board(DoneStatuses, 20)]);
    reconcile(held, decisionOrder(pending.json.items).map(withoutRemaining), i => i.incidentId, heldRow, 'Nothing is held right now.', HeldHeadings.length);
    reconcile(recent, done.json.items, i => i.incidentId, recentRow, 'Nothing released or closed recently.', RecentHeadings.length);
    state.textContent = `Updated ${utc(new Date().toISOString())}; refreshes every ${RefreshSeconds} s.` +
      (pending.json.continuationToken ? ' More than 100 incidents are held: the 100 newest are shown.' : '');
    state.classList.remove('stale');
  }, error => {
    state.textContent = `Could not refresh: ${error.message}. Trying again in ${RefreshSeconds} s.`;
    state.classList.add('stale');
  });
  return refresh.stop;
}

/** Awaiting an analyst first (it waits for nobody else), then by the end of the hold, soonest first. */
function decisionOrder(items) {
  return [...items].sort((a, b) =>
    Number(b.status === 'awaitingConfirmation') - Number(a.status === 'awaitingConfirmation') ||
    Date.parse(a.holdUntil) - Date.parse(b.holdUntil));
}

/** The countdown runs on this page's clock, so the seconds left need not redraw the row at each refresh. */
function withoutRemaining({ holdRemainingSeconds, ...incident }) {
  return incident;
}

function heldRow(incident) {
  return h('tr', { class: `status-row-${incident.status}` },
    h('td', {}, countdown(incident)),
    ...common(incident));
}

function recentRow(incident) {
  return h('tr', {},
    h('td', {}, badge(incident.status)),
    h('td', {}, time(incident.receivedAt)),
    ...common(incident).slice(1));
}

function common(incident) {
  return [
    h('td', {}, badge(incident.status)),
    h('td', {}, h('span', { class: `severity severity-${incident.severity}` }, incident.severity)),
    h('td', {}, incident.category),
    h('td', {}, `${incident.place}, ${incident.country}`),
    h('td', { class: 'reports-count' }, `${plural(incident.reports, 'report')} · ${plural(incident.sources, 'source')}`),
    h('td', {}, exerciseBadge(incident.exercise), ' ', h('a', { href: `#/incidents/${incident.incidentId}` }, incident.summary)),
  ];
}
