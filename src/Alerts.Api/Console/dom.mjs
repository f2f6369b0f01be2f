// Builds the page from nodes, never from markup strings: whatever the API returns is always text, never parsed as HTML.

let lastId = 0;

/** A unique element id, for label/for and aria-describedby pairs. */
export function uid(prefix) {
  lastId += 1;
  return `${prefix}-${lastId}`;
}

/** h('a', { href: '#/board', class: 'x', onclick: fn }, 'text', child, [more]) */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'class') element.className = value;
    else if (name === 'dataset') Object.assign(element.dataset, value);
    else if (name.startsWith('on') && typeof value === 'function') element.addEventListener(name.slice(2), value);
    else if (name === 'value') {
      // The default too, so that form.reset() returns to it.
      if (element.tagName !== 'SELECT') element.defaultValue = value;
      element.value = value;
    } else if (name === 'checked') {
      element.defaultChecked = Boolean(value);
      element.checked = Boolean(value);
    }
    else if (value === true) element.setAttribute(name, '');
    else element.setAttribute(name, String(value));
  }
  append(element, children);
  return element;
}

/** Replaces an element's children, leaving out null, undefined and false (a part not shown). */
export function fill(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : String(child));
  }
}

/** A labelled control: the label names it, the hint (if any) describes it, and an error slot sits below it. */
export function field(label, control, { hint, name } = {}) {
  control.id ||= uid('f');
  const hintId = hint ? uid('hint') : null;
  const errorId = uid('err');
  control.setAttribute('aria-describedby', [hintId, errorId].filter(Boolean).join(' '));
  if (name) control.name = name;
  return h('div', { class: 'field', dataset: { field: name ?? '' } },
    h('label', { for: control.id }, label),
    control,
    hint ? h('p', { class: 'hint', id: hintId }, hint) : null,
    h('p', { class: 'error', id: errorId, hidden: true }));
}

/** A select with the given values; labels default to the values. */
export function select(values, selected, labels = {}) {
  return h('select', {}, values.map(v => h('option', { value: v, selected: v === selected }, labels[v] ?? v)));
}

/** An ISO time as "15:40:02Z", with the date in front when it is not today (UTC, as a crisis desk reads it). */
export function utc(iso) {
  if (!iso) return '—';
  const text = new Date(iso).toISOString();
  const today = new Date().toISOString().slice(0, 10);
  return (text.slice(0, 10) === today ? '' : `${text.slice(0, 10)} `) + `${text.slice(11, 19)}Z`;
}

export function time(iso) {
  return iso ? h('time', { datetime: iso, title: iso }, utc(iso)) : '—';
}

/** plural(2, 'report') → "2 reports"; plural(1, 'delivery', 'deliveries') → "1 delivery". */
export function plural(n, one, many = `${one}s`) {
  return `${n} ${n === 1 ? one : many}`;
}

/** A status as people say it: awaitingConfirmation → "awaiting confirmation". */
export function words(camel) {
  return String(camel ?? '').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

export function badge(status) {
  return h('span', { class: `badge status-${status}` }, words(status));
}

export function exerciseBadge(exercise) {
  return exercise ? h('span', { class: 'badge exercise', title: 'An exercise: only subscribers who opted in are told' }, 'exercise') : null;
}

/**
 * Keeps a table body in step with a list, row by row by key: an unchanged row stays the same element (so keyboard focus
 * and countdowns in it survive a refresh); a changed one is replaced; rows no longer listed go.
 */
export function reconcile(tbody, items, key, render, emptyText, columns) {
  if (items.length === 0) {
    tbody.replaceChildren(h('tr', { class: 'empty' }, h('td', { colspan: columns }, emptyText)));
    return;
  }
  const existing = new Map([...tbody.rows].map(row => [row.dataset.key, row]));
  const rows = items.map(item => {
    const signature = JSON.stringify(item);
    const row = existing.get(key(item));
    if (row && row.dataset.signature === signature) return row;
    const fresh = render(item);
    fresh.dataset.key = key(item);
    fresh.dataset.signature = signature;
    if (row?.contains(document.activeElement)) queueMicrotask(() => fresh.querySelector('a, button')?.focus());
    return fresh;
  });
  rows.forEach((row, index) => {
    if (tbody.rows[index] !== row) tbody.insertBefore(row, tbody.rows[index] ?? null);
  });
  while (tbody.rows.length > rows.length) tbody.rows[rows.length].remove();
}

/** A table with a caption, header cells and the given body. */
export function table(caption, headings, tbody, className = '') {
  return h('table', { class: className },
    h('caption', {}, caption),
    h('thead', {}, h('tr', {}, headings.map(text => h('th', { scope: 'col' }, text)))),
    tbody);
}
