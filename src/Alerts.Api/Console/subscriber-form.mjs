// The fields of a subscriber, shared by "add" and "edit": who, over which channel (fixed once created), the filters,
// the role, exercises and whether it is on. It reads them back as the API's SubscriberRequest.
import { field, h, select } from './dom.mjs';
import { Categories, Severities } from './vocabulary.mjs';

export function subscriberFields(subscriber = null) {
  const name = h('input', { type: 'text', maxlength: 200, required: true, autocomplete: 'off', value: subscriber?.name ?? '' });
  const channels = ['webhook', 'email'].map(channel => h('input', {
    type: 'radio', name: 'channel', value: channel, checked: (subscriber?.channel ?? 'webhook') === channel, disabled: subscriber !== null,
  }));
  const url = h('input', { type: 'url', autocomplete: 'off', placeholder: 'https://receiver.example.org/alerts', value: subscriber?.url ?? '' });
  const email = h('input', { type: 'email', autocomplete: 'off', placeholder: 'duty@ministry.example', value: subscriber?.email ?? '' });
  const countries = h('input', { type: 'text', autocomplete: 'off', placeholder: 'PL, LT', value: subscriber?.filters.countries.join(', ') ?? '' });
  const minimum = select(Severities, subscriber?.filters.minimumSeverity ?? 'unknown', { unknown: 'unknown (everything)' });
  const categories = Categories.map(category => h('input', {
    type: 'checkbox', value: category, checked: subscriber?.filters.categories.includes(category) ?? false,
  }));
  const role = select(['subscriber', 'analyst'], subscriber?.role ?? 'subscriber', {
    subscriber: 'subscriber: alerts, updates, cancellations', analyst: "analyst: reviews of held incidents",
  });
  const format = select(['json', 'cap'], subscriber?.format ?? 'json', { json: 'JSON (Standard Webhooks)', cap: 'CAP 1.2 XML' });
  const exercises = h('input', { type: 'checkbox', checked: subscriber?.exercises ?? false });
  // The console does not edit areas of interest: a subscriber's area is sent back as it was, never dropped.
  const area = subscriber?.filters.area ?? null;
  const enabled = h('input', { type: 'checkbox', checked: subscriber?.enabled ?? true });

  const urlField = field('Webhook URL', url, { name: 'url', hint: 'Signed with Standard Webhooks; the address is checked when connecting.' });
  const formatField = field('Webhook body', format, { name: 'format' });
  const emailField = field('Email address', email, { name: 'email' });
  const channel = () => channels.find(c => c.checked).value;
  const showTarget = () => {
    urlField.hidden = channel() !== 'webhook';
    formatField.hidden = channel() !== 'webhook';
    emailField.hidden = channel() !== 'email';
  };
  channels.forEach(c => c.addEventListener('change', showTarget));
  showTarget();

  const element = h('div', { class: 'subscriber-fields' },
    field('Name', name, { name: 'name' }),
    h('fieldset', { class: 'inline', dataset: { field: 'channel' } },
      h('legend', {}, subscriber ? 'Channel (cannot change)' : 'Channel'),
      channels.map(c => h('label', { class: 'choice' }, c, ` ${c.value}`))),
    urlField,
    formatField,
    emailField,
    h('fieldset', {},
      h('legend', {}, 'Filters (empty: everything)'),
      area ? h('p', { class: 'hint' }, 'It has an area of interest, which is kept as it is (change it through the API).') : null,
      field('Countries (ISO codes, comma-separated)', countries, { name: 'filters.countries' }),
      field('Minimum severity', minimum, { name: 'filters.minimumSeverity' }),
      h('fieldset', { class: 'inline', dataset: { field: 'filters.categories' } },
        h('legend', {}, 'Categories'),
        categories.map(c => h('label', { class: 'choice' }, c, ` ${c.value}`)))),
    field('Role', role, { name: 'role' }),
    h('label', { class: 'choice' }, exercises, ' Also receives exercises'),
    h('label', { class: 'choice' }, enabled, ' Enabled'));

  return {
    element,
    focus: () => name.focus(),
    /** The SubscriberRequest these fields say, optionally with enabled flipped. */
    request({ enabledOverride } = {}) {
      const webhook = channel() === 'webhook';
      return {
        name: name.value.trim(),
        channel: channel(),
        url: webhook ? url.value.trim() : null,
        email: webhook ? null : email.value.trim(),
        filters: {
          countries: countries.value.split(',').map(c => c.trim().toUpperCase()).filter(Boolean),
          minimumSeverity: minimum.value,
          categories: categories.filter(c => c.checked).map(c => c.value),
          area,
        },
        format: webhook ? format.value : null,
        enabled: enabledOverride ?? enabled.checked,
        role: role.value,
        exercises: exercises.checked,
      };
    },
  };
}

/** The secret of a webhook, shown this once: copy it now, it is never shown again (rotate for a new one). */
export function secretPanel(secret, what) {
  const value = h('code', { class: 'secret-value' }, secret);
  const copied = h('span', { role: 'status', class: 'copied' });
  const copy = h('button', { type: 'button' }, 'Copy secret');
  copy.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(secret);
      copied.textContent = 'Copied.';
    } catch {
      getSelection().selectAllChildren(value);
      copied.textContent = 'Selected: press Ctrl+C to copy.';
    }
  });
  return h('div', { class: 'secret', role: 'region', 'aria-label': 'Signing secret' },
    h('p', { class: 'secret-title' }, `${what}: the signing secret, shown only now`),
    h('p', {}, 'Give it to the receiver to check signatures. It is not stored in this page and is never shown again; rotate the secret to get a new one.'),
    h('p', {}, value, ' ', copy, ' ', copied));
}
