// Loads seeds/subscribers.json into a running Alerts service, once: a subscriber whose name already exists is skipped.
// The demo webhook subscribers' signing secrets are written to .local/ for scripts/webhook-receiver.mjs:
// demo-webhook-secret for /alerts (JSON), demo-webhook-secret-cap for /cap (CAP 1.2 bodies).
import { readFile, writeFile, mkdir } from 'node:fs/promises';

const base = process.env.ALERTS_URL ?? 'http://localhost:7071';
const key = process.env.ALERTS_ADMIN_KEY ?? 'dev-admin-key';
const headers = { 'X-Api-Key': key, 'Content-Type': 'application/json' };

async function waitForHealth() {
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch { /* not up yet */ }
    await new Promise(r => setTimeout(r, 500));
  }
  throw new Error(`${base}/api/health did not answer 200 within a minute`);
}

async function existingNames() {
  const names = new Set();
  let token = null;
  do {
    const url = `${base}/api/subscribers?pageSize=100${token ? `&continuationToken=${encodeURIComponent(token)}` : ''}`;
    const page = await (await fetch(url, { headers })).json();
    page.items.forEach(s => names.add(s.name));
    token = page.continuationToken;
  } while (token);
  return names;
}

await waitForHealth();
const seeds = JSON.parse(await readFile(new URL('../seeds/subscribers.json', import.meta.url)));
const names = await existingNames();
for (const seed of seeds) {
  if (names.has(seed.name)) {
    console.log(`seed: subscriber "${seed.name}" already exists`);
    continue;
  }
  const response = await fetch(`${base}/api/subscribers`, { method: 'POST', headers, body: JSON.stringify(seed) });
  const body = await response.json();
  if (response.status !== 201) {
    throw new Error(`seed: could not create "${seed.name}": ${response.status} ${JSON.stringify(body)}`);
  }
  console.log(`seed: created ${body.channel} subscriber "${seed.name}" (${body.subscriberId})`);
  if (body.secret && seed.url?.startsWith('http://127.0.0.1:9911')) {
    await mkdir(new URL('../.local/', import.meta.url), { recursive: true });
    const file = new URL(seed.url).pathname === '/cap' ? 'demo-webhook-secret-cap' : 'demo-webhook-secret';
    await writeFile(new URL(`../.local/${file}`, import.meta.url), body.secret);
  }
}
