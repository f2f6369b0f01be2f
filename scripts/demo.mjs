// Replays seeds/scenario-przewodow.json against a running Alerts service (scripts/run-local.sh) and prints, step by
// step, what was held, what changed, and what each subscriber finally received. Exits 1 if anybody was sent the wrong
// first version. Usage: node scripts/demo.mjs [--console]  (ALERTS_URL, DEMO_RECEIVER_PORT and the *_KEY variables
// override defaults). With --console the script sends the reports and leaves the analyst's steps to you, in the
// console at http://localhost:7071/: it says what to do and waits until you have done it.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';

const base = process.env.ALERTS_URL ?? 'http://localhost:7071';
const keys = {
  reporter: process.env.REPORTER_KEY ?? 'dev-reporter-key',
  reporter2: process.env.REPORTER2_KEY ?? 'dev-reporter2-key',
  analyst: process.env.ANALYST_KEY ?? 'dev-analyst-key',
  admin: process.env.ADMIN_KEY ?? 'dev-admin-key',
};
const port = Number(process.env.DEMO_RECEIVER_PORT ?? 9912);
const inConsole = process.argv.includes('--console');
const consoleWait = Number(process.env.DEMO_CONSOLE_WAIT_SECONDS ?? 900);
const scenario = JSON.parse(await readFile(new URL('../seeds/scenario-przewodow.json', import.meta.url)));
const received = [];
const sleep = ms => new Promise(r => setTimeout(r, ms));

async function call(method, path, key, body, headers = {}) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { 'X-Api-Key': key, ...(body ? { 'Content-Type': 'application/json' } : {}), ...headers },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  const json = text ? JSON.parse(text) : null;
  if (response.status >= 400) throw new Error(`${method} ${path} → ${response.status}: ${text}`);
  return { json, etag: response.headers.get('etag') };
}

function describe(incident) {
  const f = incident.facts;
  return `status ${incident.status}` +
    (['held', 'contested', 'awaitingConfirmation'].includes(incident.status) ? ` until ${incident.holdUntil.slice(11, 19)}Z (${incident.holdReason})` : '') +
    `\n      attribution: ${f.attribution ? `${f.attribution.actor} (${f.attribution.confidence})` : 'none'}`;
}

// --console: the analyst's step is yours; say what it is, then wait until the incident shows it was done.
async function byAnalyst(step, incidentId) {
  const { json: before } = await call('GET', `/api/incidents/${incidentId}`, keys.analyst);
  console.log(`   → your turn, in the console (${base}/, sign in with ${keys.analyst}): open incident ${incidentId} on the board, then`);
  if (step.amend) {
    console.log('     "Amend facts…": set');
    if (step.amend.attribution) console.log(`       Attributed to: ${step.amend.attribution.actor}   Attribution confidence: ${step.amend.attribution.confidence}`);
    if (step.amend.summary) console.log(`       Summary: ${step.amend.summary}`);
    console.log(`       Reason: ${step.reason ?? ''}    and press "Send amendment".`);
  } else {
    console.log(`     "Confirm: release now", reason: ${step.confirm?.reason ?? ''}    and press "Confirm and release".`);
  }
  const done = incident => (step.amend
    ? incident.timeline.slice(before.timeline.length).some(t => t.action === 'amended')
    : !['held', 'contested', 'awaitingConfirmation'].includes(incident.status));
  for (let waited = 0; ; waited += 1) {
    const { json } = await call('GET', `/api/incidents/${incidentId}`, keys.analyst);
    if (done(json)) return;
    if (waited > consoleWait) throw new Error(`nothing happened in the console within ${consoleWait} s`);
    await sleep(1000);
  }
}

const receiver = createServer((req, res) => {
  const chunks = [];
  req.on('data', c => chunks.push(c));
  req.on('end', () => {
    received.push({ path: req.url, at: new Date(), body: JSON.parse(Buffer.concat(chunks).toString()) });
    res.writeHead(204).end();
  });
});
await new Promise(r => receiver.listen(port, '127.0.0.1', r));

try {
  for (let i = 0; ; i++) {
    try { if ((await fetch(`${base}/api/health`)).ok) break; } catch { /* not up yet */ }
    if (i > 120) throw new Error(`${base} does not answer; start it with scripts/run-local.sh`);
    await sleep(500);
  }

  console.log(`\n=== ${scenario.title} ===\n`);
  // Demo subscribers opt in to exercises (the replay is marked as one), so seeded and real subscribers are not told.
  const existing = new Map();
  for (let token = null, first = true; first || token; first = false) {
    const { json } = await call('GET', `/api/subscribers?pageSize=100${token ? `&continuationToken=${encodeURIComponent(token)}` : ''}`, keys.admin);
    json.items.forEach(s => existing.set(s.name, s.subscriberId));
    token = json.continuationToken;
  }
  const subscribers = [];
  for (const s of scenario.subscribers) {
    const body = { name: s.name, channel: s.channel, url: `http://127.0.0.1:${port}${s.path}`, filters: s.filters, role: s.role ?? 'subscriber', exercises: true };
    const id = existing.get(s.name) ?? (await call('POST', '/api/subscribers', keys.admin, body)).json.subscriberId;
    subscribers.push({ ...s, id });
  }
  console.log(`Subscribed ${subscribers.length} demo receivers on http://127.0.0.1:${port} (one is the analysts' desk).\n`);

  const now = new Date().toISOString();
  let incidentId;
  for (const [n, step] of scenario.steps.entries()) {
    console.log(`${n + 1}. ${step.say}`);
    if (step.report) {
      const reportId = `${step.report.reportId}-${Date.now()}`;
      const { json } = await call('POST', '/api/incidents', keys[step.key], { ...step.report, reportId, occurredAt: now, exercise: true });
      incidentId ??= json.incidentId;
      console.log(`   → ${json.outcome}: incident ${json.incidentId}, ${json.status} until ${json.holdUntil.slice(11, 19)}Z`);
    } else if (inConsole) {
      await byAnalyst(step, incidentId);
    } else if (step.amend) {
      const { etag } = await call('GET', `/api/incidents/${incidentId}`, keys.analyst);
      await call('PATCH', `/api/incidents/${incidentId}?reason=${encodeURIComponent(step.reason ?? '')}`, keys[step.key], step.amend, { 'If-Match': etag });
    } else if (step.confirm) {
      await call('POST', `/api/incidents/${incidentId}/confirm`, keys[step.key], step.confirm);
    }
    const { json: incident } = await call('GET', `/api/incidents/${incidentId}`, keys.analyst);
    console.log(`   incident: ${describe(incident)}`);
    const told = received.filter(r => !r.path.startsWith('/analysts'));
    console.log(`   subscribers told so far: ${told.length}${received.length > told.length ? `; analysts have ${received.length - told.length} review(s)` : ''}\n`);
  }

  // Wait until the alert's deliveries exist (the analysts' review alone does not count) and every delivery has settled.
  for (let i = 0; ; i++) {
    const { json } = await call('GET', `/api/incidents/${incidentId}`, keys.analyst);
    const { json: deliveries } = await call('GET', `/api/incidents/${incidentId}/deliveries?pageSize=100`, keys.analyst);
    if (deliveries.items.some(d => d.type === 'incident.alert') && json.deliveries.pending === 0) break;
    if (i > 120) throw new Error('the alert was not delivered within a minute');
    await sleep(500);
  }

  const { json: incident } = await call('GET', `/api/incidents/${incidentId}`, keys.analyst);
  console.log('Timeline:');
  for (const t of incident.timeline) console.log(`   ${t.at.slice(11, 19)}Z  ${t.actor.padEnd(24)} ${t.action.padEnd(14)} ${t.detail ?? ''}`);
  console.log('\nWhat each subscriber finally received:');
  for (const s of subscribers) {
    const got = received.filter(r => r.path === s.path);
    const lines = got.map(r => `${r.body.type} v${r.body.data.version}: ${r.body.data.facts.attribution?.actor ?? 'no attribution'}`);
    console.log(`   ${s.name.padEnd(40)} ${lines.length ? lines.join(' | ') : 'nothing (filters do not match)'}`);
  }

  const wrong = received.filter(r => r.body.type !== 'incident.review' && JSON.stringify(r.body).includes(scenario.wrongFirstVersion));
  if (!received.some(r => r.body.type === 'incident.alert')) {
    console.log('\n✘ No subscriber received the alert.');
    process.exitCode = 1;
  } else if (wrong.length > 0) {
    console.log(`\n✘ ${wrong.length} subscriber message(s) carried the first, wrong attribution.`);
    process.exitCode = 1;
  } else {
    console.log(`\n✔ Nobody outside the analysts' desk was ever told "${scenario.wrongFirstVersion}". The alert went out once, with the verified facts.`);
  }

  // Clean up so the demo can run again: a later replay would otherwise join this incident (same place, same time).
  // Wait until the cancellations exist and have settled: right after the retraction their fan-out has not run yet.
  const { json: told } = await call('GET', `/api/incidents/${incidentId}`, keys.analyst);
  await call('POST', `/api/incidents/${incidentId}/retract`, keys.analyst, { reason: 'demo finished' });
  for (let i = 0; i < 60; i++) {
    const { json } = await call('GET', `/api/incidents/${incidentId}`, keys.analyst);
    if (json.deliveries.total > told.deliveries.total && json.deliveries.pending === 0) break;
    await sleep(500);
  }
  console.log('(The demo incident has now been cancelled, so the demo can run again; its receivers got the cancellation.)');
} finally {
  receiver.close();
}
