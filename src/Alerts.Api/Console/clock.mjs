// The service's clock, as its responses' Date headers tell it, so a countdown does not depend on this computer's clock.

let offset = 0;

/** Learns the offset from a response (the header has whole seconds: half a second is added to centre it). */
export function observe(response) {
  const date = Date.parse(response.headers.get('Date') ?? '');
  if (!Number.isNaN(date)) offset = date + 500 - Date.now();
}

export function now() {
  return Date.now() + offset;
}

/** 75 s → "1:15", 3,725 s → "1:02:05". */
export function duration(milliseconds) {
  const total = Math.ceil(milliseconds / 1000);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

/**
 * A live countdown to holdUntil. At zero it says what happens next: "awaiting confirmation" when the incident needs an
 * analyst, else "releasing" (the release runs on the service, within a second or two).
 */
export function countdown(incident) {
  const element = document.createElement('span');
  element.className = 'countdown';
  element.dataset.until = incident.holdUntil;
  element.dataset.status = incident.status;
  element.dataset.confirm = String(Boolean(incident.confirmationRequired));
  tick(element);
  return element;
}

function tick(element) {
  const pending = ['held', 'contested', 'awaitingConfirmation'].includes(element.dataset.status);
  const left = Date.parse(element.dataset.until) - now();
  let text;
  if (!pending) text = '—';
  else if (element.dataset.status === 'awaitingConfirmation') text = 'awaiting confirmation';
  else if (left > 0) text = duration(left);
  else text = element.dataset.confirm === 'true' ? 'awaiting confirmation' : 'releasing';
  if (element.textContent !== text) element.textContent = text;
  element.classList.toggle('due', pending && (left <= 0 || element.dataset.status === 'awaitingConfirmation'));
}

setInterval(() => document.querySelectorAll('.countdown').forEach(tick), 1000);
