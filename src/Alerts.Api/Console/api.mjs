// The documented HTTP API (/openapi.json), and nothing else: every call the console makes is one of these.
import { observe } from './clock.mjs';
import { session } from './session.mjs';

/** A refused call, carrying the RFC 9457 problem the service answered with. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail ?? problem?.title ?? `HTTP ${status}`);
    this.status = status;
    this.problem = problem ?? { title: `HTTP ${status}` };
  }
}

let unauthorized = () => {};

/** Called when a signed-in key stops being accepted (401). */
export function onUnauthorized(handler) {
  unauthorized = handler;
}

const id = value => encodeURIComponent(value);

async function call(method, path, { body, contentType = 'application/json', headers = {}, keys: given } = {}) {
  const keys = given ?? session();
  const sent = { Accept: 'application/json, application/problem+json', ...headers };
  if (keys?.apiKey) sent['X-Api-Key'] = keys.apiKey;
  // In Azure a function key stands in front of the API key; the standalone server ignores it.
  if (keys?.functionKey) sent['x-functions-key'] = keys.functionKey;
  if (body !== undefined) sent['Content-Type'] = contentType;

  let response;
  try {
    response = await fetch(path, {
      method, headers: sent, body: body === undefined ? undefined : JSON.stringify(body), cache: 'no-store', credentials: 'omit',
    });
  } catch (error) {
    throw new ApiError(0, { title: 'The service does not answer', detail: error.message });
  }
  observe(response);
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = { title: text.slice(0, 200) };
  }
  if (!response.ok) {
    const error = new ApiError(response.status, json);
    if (response.status === 401 && !given) unauthorized(error);
    throw error;
  }
  return { json, etag: response.headers.get('ETag'), status: response.status };
}

/** Reads every page of a list (up to maxPages), following continuation tokens. */
async function all(first, next, maxPages = 10) {
  let page = await first();
  const items = [...page.json.items];
  for (let n = 1; page.json.continuationToken && n < maxPages; n += 1) {
    page = await next(page.json.continuationToken);
    items.push(...page.json.items);
  }
  return { items, more: Boolean(page.json.continuationToken) };
}

const token = value => (value ? `&continuationToken=${encodeURIComponent(value)}` : '');

export const api = {
  me: keys => call('GET', '/api/me', { keys }),

  board: (statuses, pageSize) => call('GET', `/api/incidents?status=${statuses.join(',')}&pageSize=${pageSize}`),
  incident: incidentId => call('GET', `/api/incidents/${id(incidentId)}`),
  audience: incidentId => call('GET', `/api/incidents/${id(incidentId)}/audience`),
  deliveries: incidentId => all(
    () => call('GET', `/api/incidents/${id(incidentId)}/deliveries?pageSize=100`),
    next => call('GET', `/api/incidents/${id(incidentId)}/deliveries?pageSize=100${token(next)}`)),
  redeliver: (incidentId, deliveryId) => call('POST', `/api/incidents/${id(incidentId)}/deliveries/${id(deliveryId)}/redeliver`),

  confirm: (incidentId, reason) => call('POST', `/api/incidents/${id(incidentId)}/confirm`, { body: { reason: reason || null } }),
  extend: (incidentId, change) => call('POST', `/api/incidents/${id(incidentId)}/extend`, { body: change }),
  retract: (incidentId, reason) => call('POST', `/api/incidents/${id(incidentId)}/retract`, { body: { reason } }),
  amend: (incidentId, patch, etag, reason) => call(
    'PATCH',
    `/api/incidents/${id(incidentId)}?reason=${encodeURIComponent(reason ?? '')}`,
    { body: patch, contentType: 'application/merge-patch+json', headers: { 'If-Match': etag } }),

  subscribers: () => all(
    () => call('GET', '/api/subscribers?pageSize=100'),
    next => call('GET', `/api/subscribers?pageSize=100${token(next)}`)),
  subscriber: subscriberId => call('GET', `/api/subscribers/${id(subscriberId)}`),
  createSubscriber: body => call('POST', '/api/subscribers', { body }),
  replaceSubscriber: (subscriberId, body) => call('PUT', `/api/subscribers/${id(subscriberId)}`, { body }),
  deleteSubscriber: subscriberId => call('DELETE', `/api/subscribers/${id(subscriberId)}`),
  rotateSecret: subscriberId => call('POST', `/api/subscribers/${id(subscriberId)}/rotate-secret`),
  subscriberDeliveries: (subscriberId, next) =>
    call('GET', `/api/subscribers/${id(subscriberId)}/deliveries?pageSize=25${token(next)}`),
};
