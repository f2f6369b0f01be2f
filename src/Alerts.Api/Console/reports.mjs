// Every report of an incident side by side, with the facts on which they disagree marked: the key facts that contest an
// incident (category, attribution) as contested, other compared facts as differing. Free text is shown, not compared.
import { h, plural, utc } from './dom.mjs';

/** "C3", or "ungraded". */
export const grading = f => (f.source ? `${f.source.reliability}${f.source.credibility}` : 'ungraded');

/** "2 killed, 0 injured", or "not reported". */
export const casualties = f => (f.casualties ? `${f.casualties.killed ?? '?'} killed, ${f.casualties.injured ?? '?'} injured` : 'not reported');

/** [name, label, value of the facts, how disagreement shows: 'contested' | 'differs' | null] */
const Facts = [
  ['category', 'Category', f => f.category, 'contested'],
  ['attribution', 'Attributed to', f => f.attribution?.actor ?? 'nobody named', 'contested'],
  ['attributionConfidence', 'Attribution confidence', f => f.attribution?.confidence ?? '—', 'differs'],
  ['severity', 'Severity', f => f.severity, 'differs'],
  ['certainty', 'Certainty', f => f.certainty, 'differs'],
  ['urgency', 'Urgency', f => f.urgency, 'differs'],
  ['casualties', 'Casualties', casualties, 'differs'],
  ['occurredAt', 'Occurred', f => utc(f.occurredAt), null],
  ['place', 'Place', f => `${f.location.place}, ${f.location.country}`, null],
  ['position', 'Position', f => `${f.location.lat.toFixed(4)}, ${f.location.lon.toFixed(4)}`, null],
  ['summary', 'Summary', f => f.summary, null],
  ['details', 'Details', f => f.details ?? '—', null],
  ['grading', 'Source grading', grading, null],
];

export function reportsTable(incident) {
  const reports = incident.reports;
  const columns = reports.map((report, n) => h('th', { scope: 'col' },
    h('span', { class: 'report-number' }, `Report ${n + 1}`, report.kind && report.kind !== 'report' ? ` (${report.kind})` : ''),
    h('span', {}, report.reporterId),
    h('span', {}, report.facts ? `grading ${grading(report.facts)}` : ''),
    h('span', {}, 'received ', h('time', { datetime: report.receivedAt }, utc(report.receivedAt))),
    h('span', { class: 'muted' }, report.reportId)));
  const rows = Facts.map(([name, label, value, marking]) => {
    const values = reports.map(r => (r.facts ? value(r.facts) : null));
    const known = values.filter(v => v !== null);
    const disagree = marking && new Set(known).size > 1;
    return h('tr', { dataset: { fact: name }, class: disagree ? `disagree ${marking}` : '' },
      h('th', { scope: 'row' }, label, disagree ? h('span', { class: 'marker' }, marking === 'contested' ? ' ≠ contested' : ' ≠ differs') : null),
      h('td', { class: 'current' }, value(incident.facts)),
      values.map(v => h('td', { class: disagree ? marking : '' }, v ?? 'not shown')));
  });
  return h('table', { class: 'reports' },
    h('caption', {}, `${plural(reports.length, 'report')} from ${plural(incident.reporters.length, 'source')}, side by side; facts that disagree are marked ≠`),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Fact'), h('th', { scope: 'col', class: 'current' }, 'Now (what would be sent)'), columns)),
    h('tbody', {}, rows));
}
