import { html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { announce } from '../announcer.js';
import '../components/copy-field.js';
import { askConfirmation } from '../components/confirm-dialog.js';
import { formatDateTime } from '../format.js';
import { LightElement } from '../light-element.js';
import {
  createWebhookEndpoint, deleteWebhookEndpoint, listWebhookDeliveries, listWebhookEndpoints,
} from '../orders-api.js';
import { PagedList } from '../paged-list.js';
import { pagedListView } from '../paged-list-view.js';
import { messageOf } from '../problem.js';
import { statusBadge } from '../status-badge.js';
import { WEBHOOK_EVENTS } from '../vocabulary.js';
import { ordersTabs } from './orders-tabs.js';

/**
 * The user's webhooks: addresses the platform POSTs order events to, each signed with its own secret (shown
 * once, when made), and every delivery with its attempts, so a receiver's failures are visible.
 */
class WebhooksView extends LightElement {
  static properties = {
    url: { state: true },
    events: { state: true },
    busy: { state: true },
    error: { state: true },
    created: { state: true },
  };

  #endpoints = new PagedList(this, (cursor) => listWebhookEndpoints(cursor));
  #deliveries = new PagedList(this, (cursor) => listWebhookDeliveries(cursor));

  constructor() {
    super();
    this.url = '';
    this.events = new Set(WEBHOOK_EVENTS.map((event) => event.value));
    this.busy = false;
    this.error = null;
    this.created = null;
  }

  connectedCallback() {
    super.connectedCallback();
    document.title = 'Webhooks · Renovation console';
    this.#endpoints.load();
    this.#deliveries.load();
  }

  #toggle(value, checked) {
    const next = new Set(this.events);
    if (checked) {
      next.add(value);
    } else {
      next.delete(value);
    }
    this.events = next;
  }

  async #create(event) {
    event.preventDefault();
    if (!this.events.size) {
      this.error = 'Choose at least one event.';
      return;
    }
    this.busy = true;
    this.error = null;
    try {
      this.created = await createWebhookEndpoint({ url: this.url.trim(), events: [...this.events] });
      this.url = '';
      announce('The webhook is added. Copy its secret now: it is not shown again.');
      this.#endpoints.load();
    } catch (error) {
      this.error = messageOf(error);
    } finally {
      this.busy = false;
    }
  }

  async #delete(endpoint) {
    const accepted = await askConfirmation({
      title: 'Remove this webhook?',
      lines: [`Nothing more is sent to ${endpoint.url}.`],
      confirmLabel: 'Remove webhook',
    });
    if (!accepted) {
      return;
    }
    try {
      await deleteWebhookEndpoint(endpoint.id);
      this.#endpoints.items = this.#endpoints.items.filter((known) => known.id !== endpoint.id);
      announce('The webhook is removed.');
    } catch (error) {
      announce(`The webhook could not be removed: ${messageOf(error)}`, { tone: 'error', timeout: 8000 });
    }
  }

  #form() {
    return html`<form class="card card--padded stack" data-test="webhook-form" @submit=${this.#create} novalidate>
      <h2 class="section__title">Add a webhook</h2>
      <div class="field">
        <label class="field__label" for="webhook-url">Address (https)</label>
        <input id="webhook-url" class="input" type="url" required maxlength="2048" data-test="webhook-url"
          placeholder="https://example.com/hooks/renovation" .value=${this.url} @input=${(e) => { this.url = e.target.value; }}>
      </div>
      <fieldset class="fieldset"><legend>Events</legend>
        ${WEBHOOK_EVENTS.map((option) => html`<label class="check"><input type="checkbox" value=${option.value}
          data-test="webhook-event" .checked=${this.events.has(option.value)}
          @change=${(e) => this.#toggle(option.value, e.target.checked)}> <span>${option.label} <code>${option.value}</code></span></label>`)}
      </fieldset>
      <p class="field-error" role="alert" data-test="webhook-error">${this.error ?? ''}</p>
      <div><button class="button button--primary" type="submit" data-test="add-webhook" ?disabled=${this.busy}>Add webhook</button></div>
      ${this.created ? html`<div class="webhook-form__secret" data-test="webhook-created">
        <p>Deliveries to ${this.created.url} carry a <code>Webhook-Signature</code> header: <code>t=…,v1=…</code>, the
          HMAC-SHA256 of “t.body” with this secret. It is shown only now.</p>
        <copy-field .value=${this.created.secret} label="Signing secret" test="webhook-secret"></copy-field>
      </div>` : nothing}
    </form>`;
  }

  #endpoint(endpoint) {
    return html`<li class="list-row" data-test="webhook-item" data-id=${endpoint.id}>
      <div><p class="list-row__title"><code>${endpoint.url}</code></p>
        <p class="list-row__meta">${endpoint.events.join(', ')} · added
          <time datetime=${endpoint.createdAt}>${formatDateTime(endpoint.createdAt)}</time></p></div>
      <div class="list-row__actions"><button class="button button--quiet button--danger-text" type="button"
        data-test="remove-webhook" aria-label="Remove the webhook to ${endpoint.url}"
        @click=${() => this.#delete(endpoint)}>Remove</button></div>
    </li>`;
  }

  #delivery(delivery) {
    return html`<li class="list-row" data-test="delivery-item" data-status=${delivery.status}>
      <div><p class="list-row__title"><code>${delivery.eventType}</code>
          ${statusBadge(delivery.status, { kind: 'delivery', test: 'delivery-status' })}</p>
        <p class="list-row__meta">${delivery.attempts} ${delivery.attempts === 1 ? 'attempt' : 'attempts'}
          ${delivery.lastStatusCode ? html` · last answer HTTP ${delivery.lastStatusCode}` : nothing}
          ${delivery.lastError ? html` · ${delivery.lastError}` : nothing} ·
          <time datetime=${delivery.createdAt}>${formatDateTime(delivery.createdAt)}</time>
          ${delivery.status === 'pending' && delivery.nextAttemptAt ? html` · next try
            <time datetime=${delivery.nextAttemptAt}>${formatDateTime(delivery.nextAttemptAt)}</time>` : nothing}</p></div>
    </li>`;
  }

  render() {
    return html`<section class="page">
      <header class="page__header"><div>
        <h1 class="page__title">Webhooks</h1>
        <p class="page__lead">Let your own systems hear of your orders: each event is POSTed, signed, and retried for a day.</p>
      </div>
      <div class="page__actions"><button class="button" type="button" data-test="refresh-webhooks"
        @click=${() => { this.#endpoints.load(); this.#deliveries.load(); }}>Refresh</button></div></header>
      ${ordersTabs('webhooks')}
      <section class="section">${this.#form()}</section>
      <section class="section" aria-label="Your webhooks">
        <h2 class="section__title">Your webhooks</h2>
        ${pagedListView(this.#endpoints, {
          failed: 'Your webhooks could not be loaded', loading: 'Loading your webhooks…', more: 'Load more webhooks',
          empty: html`<div class="empty"><p class="empty__title">No webhooks yet.</p></div>`,
          items: (items) => html`<ul class="list" aria-label="Webhooks">${repeat(items, (e) => e.id, (e) => this.#endpoint(e))}</ul>`,
        })}
      </section>
      <section class="section" aria-label="Deliveries">
        <h2 class="section__title">Deliveries</h2>
        ${pagedListView(this.#deliveries, {
          failed: 'The deliveries could not be loaded', loading: 'Loading the deliveries…', more: 'Load more deliveries',
          empty: html`<div class="empty"><p class="empty__title">Nothing delivered yet.</p></div>`,
          items: (items) => html`<ul class="list" aria-label="Deliveries">${repeat(items, (d) => d.id, (d) => this.#delivery(d))}</ul>`,
        })}
      </section>
    </section>`;
  }
}

customElements.define('webhooks-view', WebhooksView);
