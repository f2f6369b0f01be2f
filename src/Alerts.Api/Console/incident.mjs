// An incident page: its facts now, the hold and why, every report side by side, the timeline, who would be or was told,
// and (for analysts) the decisions its status allows. It refreshes by itself; an open amendment form keeps its version.
import { actionsFor } from './actions.mjs';
import { api } from './api.mjs';
import { countdown } from './clock.mjs';
import { audienceView, deliveriesView } from './deliveries.mjs';
import { badge, exerciseBadge, fill, h, time, utc } from './dom.mjs';
import { poll } from './poll.mjs';
import { problemBox } from './problems.mjs';
import { casualties, grading, reportsTable } from './reports.mjs';
import { may } from './session.mjs';
import { PendingStatuses } from './vocabulary.mjs';

const RefreshSeconds = 3;

/** The audience scans every subscriber: counted again when the facts change, or every this many seconds. */
const AudienceSeconds = 30;

function section(id, title, ...content) {
  return h('section', { class: `panel ${id}`, 'aria-labelledby': `${id}-heading` }, h('h2', { id: `${id}-heading` }, title), ...content);
}

function factsList(f) {
  const rows = [
    ['Category', f.category], ['Severity', f.severity], ['Certainty', f.certainty], ['Urgency', f.urgency],
    ['Occurred', utc(f.occurredAt)], ['Place', `${f.location.place}, ${f.location.country}`],
    ['Position', `${f.location.lat}, ${f.location.lon}`],
    ['Casualties', casualties(f)],
    ['Attributed to', f.attribution ? `${f.attribution.actor} (${f.attribution.confidence})` : 'nobody named'],
    ['Source grading', grading(f)],
    ['Summary', f.summary], ['Details', f.details ?? '—'],
  ];
  return h('dl', { class: 'facts' }, rows.map(([term, value]) => [h('dt', {}, term), h('dd', { dataset: { fact: term } }, value)]));
}

function timelineList(timeline, newFrom) {
  return h('ol', { class: 'timeline' }, timeline.map((entry, n) => h('li', { class: n >= newFrom ? 'new' : '' },
    time(entry.at), ' ',
    h('span', { class: 'actor' }, entry.actor), ' ',
    h('span', { class: `action action-${entry.action}` }, entry.action),
    entry.detail ? h('span', { class: 'detail' }, entry.detail) : null)));
}

export function showIncident(view, incidentId) {
  let current = null;
  let etag = null;
  let newFrom = Infinity;
  let audienceCounted = { etag: null, at: 0 };

  const headline = h('div', { class: 'headline' });
  const result = h('div', { class: 'result', role: 'status' });
  const facts = h('div');
  const hold = h('div');
  const reports = h('div', { class: 'scroll' });
  const timeline = h('div');
  const audience = h('div');
  const deliveries = deliveriesView(incidentId, () => refresh.now());
  deliveries.element.hidden = true;
  const actions = may('decide') ? actionsFor(incidentId, done) : null;
  const state = h('p', { class: 'refresh', role: 'status' }, 'Loading…');

  fill(view, 
    h('p', {}, h('a', { href: '#/board' }, '← Board')),
    h('h1', { tabindex: -1 }, 'Incident ', h('span', { class: 'muted' }, incidentId)),
    headline,
    state,
    result,
    h('div', { class: 'columns' },
      h('div', {}, section('facts', 'Facts now', facts), section('hold', 'Hold', hold)),
      actions ? section('decide', 'Decide', actions.element) : h('div')),
    section('reports', 'Reports, side by side', reports),
    section('told', 'Who is told', audience, deliveries.element),
    section('timeline', 'Timeline', timeline));

  function render(incident) {
    const pending = PendingStatuses.includes(incident.status);
    fill(headline, 
      badge(incident.status), ' ', exerciseBadge(incident.facts.exercise), ' ',
      pending ? h('span', { class: 'hold-left' }, 'hold: ', countdown(incident)) : null, ' ',
      h('span', { class: 'muted' }, `version ${incident.version}`),
      h('p', { class: 'summary' }, incident.facts.summary));
    fill(facts, factsList(incident.facts));
    fill(hold, h('dl', { class: 'facts' },
      h('dt', {}, pending ? 'Held until' : 'Hold ended'), h('dd', {}, time(incident.holdUntil), pending ? [' (', countdown(incident), ')'] : null),
      h('dt', {}, 'Why'), h('dd', { class: 'hold-reason' }, incident.holdReason),
      pending ? [h('dt', {}, 'When it ends'), h('dd', {}, incident.confirmationRequired
        ? 'It waits for an analyst to confirm (this category needs a confirmation).'
        : 'It is released to the matching subscribers.')] : null,
      incident.releasedAt ? [h('dt', {}, 'Released'), h('dd', {}, time(incident.releasedAt))] : null,
      h('dt', {}, 'Sources'), h('dd', {}, `${incident.reporters.join(', ')}; ${incident.corroborations} independent corroboration(s)`)));
    fill(reports, reportsTable(incident));
    fill(timeline, timelineList(incident.timeline, newFrom));
    actions?.update(incident, etag);
  }

  async function showWhoIsTold(incident) {
    if (!may('readDeliveries')) return;
    const pending = PendingStatuses.includes(incident.status);
    if (pending && (audienceCounted.etag !== etag || Date.now() - audienceCounted.at > AudienceSeconds * 1000)) {
      const { json } = await api.audience(incidentId);
      fill(audience, audienceView(json, incident.facts.exercise));
      audienceCounted = { etag, at: Date.now() };
    }
    audience.hidden = !pending;
    if (incident.deliveries.total > 0 || !pending) {
      deliveries.show(incident.deliveries, await api.deliveries(incidentId));
      deliveries.element.hidden = false;
    }
  }

  /** A decision was recorded: show the timeline entries it made, then refresh everything. */
  function done(incident) {
    const before = current?.timeline.length ?? 0;
    const made = incident.timeline.slice(before);
    newFrom = before;
    fill(result, h('div', { class: 'ok' },
      h('p', { class: 'ok-title' }, 'Recorded on the timeline:'),
      h('ul', {}, made.map(entry => h('li', { class: 'made' }, `${utc(entry.at)} ${entry.actor} ${entry.action}${entry.detail ? ` — ${entry.detail}` : ''}`)))));
    current = null;
    refresh.now();
  }

  const refresh = poll(RefreshSeconds * 1000, async () => {
    const { json, etag: tag } = await api.incident(incidentId);
    const changed = current === null || tag !== etag || JSON.stringify(json) !== JSON.stringify(current);
    current = json;
    etag = tag;
    if (changed) render(json);
    await showWhoIsTold(json);
    state.textContent = `Updated ${utc(new Date().toISOString())}; refreshes every ${RefreshSeconds} s.`;
    state.classList.remove('stale');
  }, error => {
    if (error.status === 404) {
      refresh.stop();
      fill(view, h('h1', { tabindex: -1 }, 'No such incident'), problemBox(error.problem), h('p', {}, h('a', { href: '#/board' }, '← Board')));
      return;
    }
    state.textContent = `Could not refresh: ${error.message}. Trying again in ${RefreshSeconds} s.`;
    state.classList.add('stale');
  });
  return refresh.stop;
}
