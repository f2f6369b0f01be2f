// A demo webhook receiver on http://127.0.0.1:9911 that prints each alert and checks its Standard Webhooks
// signature with the secret scripts/seed.mjs wrote: .local/demo-webhook-secret for /alerts (JSON bodies),
// .local/demo-webhook-secret-cap for /cap (CAP 1.2 bodies).
import { createServer } from 'node:http';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';

const port = Number(process.env.RECEIVER_PORT ?? 9911);
const secretFile = path => new URL(`../.local/demo-webhook-secret${path === '/cap' ? '-cap' : ''}`, import.meta.url);
const capField = (xml, name) => (xml.match(new RegExp(`<${name}>([^<]*)</${name}>`)) ?? [])[1];

function verify(path, id, timestamp, body, header) {
  let secret;
  try { secret = readFileSync(secretFile(path), 'utf8').trim(); } catch { return 'no secret on file'; }
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const expected = Buffer.from(createHmac('sha256', key).update(`${id}.${timestamp}.`).update(body).digest('base64'));
  const ok = (header ?? '').split(' ').some(s => {
    const given = Buffer.from(s.replace(/^v1,/, ''));
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  return ok ? 'signature valid' : 'SIGNATURE INVALID';
}

createServer((req, res) => {
  const chunks = [];
  req.on('data', c => chunks.push(c));
  req.on('end', () => {
    const body = Buffer.concat(chunks);
    let summary = body.toString();
    if ((req.headers['content-type'] ?? '').startsWith('application/cap+xml')) {
      summary = `CAP ${capField(summary, 'msgType')} ${capField(summary, 'identifier')} (${capField(summary, 'status')}` +
        `${capField(summary, 'references') ? `, references ${capField(summary, 'references')}` : ''}): ${capField(summary, 'headline')}`;
    }
    try {
      const event = JSON.parse(summary);
      const f = event.data.facts;
      summary = `${event.type} v${event.data.version} ${f.severity} ${f.category} at ${f.location.place}, ${f.location.country}: ${f.summary}` +
        (f.attribution ? ` [attributed to ${f.attribution.actor}, ${f.attribution.confidence}]` : '');
    } catch { /* not an alert */ }
    const check = verify(req.url, req.headers['webhook-id'], req.headers['webhook-timestamp'], body, req.headers['webhook-signature']);
    console.log(`receiver: ${req.headers['webhook-id']} (${check}) ${summary}`);
    res.writeHead(204).end();
  });
}).listen(port, '127.0.0.1', () => console.log(`receiver: listening on http://127.0.0.1:${port}/alerts and /cap`));
