// The signed-in key lives in this tab's sessionStorage only: never in a URL, never in local storage, gone when the tab closes.

const Name = 'alerts.console.session';

/** { apiKey, functionKey, caller } or null. */
export function session() {
  try {
    return JSON.parse(sessionStorage.getItem(Name));
  } catch {
    return null;
  }
}

export function remember(value) {
  sessionStorage.setItem(Name, JSON.stringify(value));
}

export function forget() {
  sessionStorage.removeItem(Name);
}

/** Whether the signed-in role may do this (abilities as GET /api/me names them). */
export function may(ability) {
  return Boolean(session()?.caller?.may?.includes(ability));
}
