import { html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { getAsset } from '../api.js';
import { formatDateTime } from '../format.js';
import { LightElement } from '../light-element.js';
import { formatMoney } from '../money.js';
import { getOrder } from '../orders-api.js';
import { altTextOf, thumbnail } from '../pictures.js';
import { messageOf } from '../problem.js';
import { roomPath } from '../router.js';
import { statusBadge } from '../status-badge.js';
import { OPEN_ORDER_STATUSES, processingServiceOf } from '../vocabulary.js';
import { ordersTabs } from './orders-tabs.js';

/** How often an order still moving (unpaid, processing) is read again. */
const REFRESH_MS = 2000;

/**
 * One order: what it costs and how to pay it, then each photo's job at the provider (attempts, error) and,
 * once done, the new photo or render it made, which lands in the original's room.
 */
class OrderView extends LightElement {
  static properties = {
    orderId: { type: String },
    order: { state: true },
    assets: { state: true },
    error: { state: true },
  };

  #timer = null;

  constructor() {
    super();
    this.order = null;
    this.assets = new Map();
    this.error = null;
  }

  connectedCallback() {
    super.connectedCallback();
    this.#load();
    this.onDisconnect(() => clearTimeout(this.#timer));
  }

  async #load() {
    clearTimeout(this.#timer);
    try {
      this.order = await getOrder(this.orderId);
      this.error = null;
      document.title = `Order ${this.order.number} · Renovation console`;
      this.#loadAssets();
    } catch (error) {
      this.error = error;
    }
    if (!this.order || OPEN_ORDER_STATUSES.includes(this.order.status)) {
      this.#timer = setTimeout(() => this.#load(), REFRESH_MS);
    }
  }

  /** The originals and results shown beside each item; each read once (gone ones stay absent). */
  async #loadAssets() {
    const ids = this.order.items.flatMap((item) => [item.assetId, item.job?.outputAssetId])
      .filter((id) => id && !this.assets.has(id));
    const read = await Promise.all(ids.map((id) => getAsset(id).then((asset) => [id, asset], () => [id, null])));
    if (read.length) {
      const next = new Map(this.assets);
      // a result not yet made an asset is read again next time
      read.filter(([, asset]) => asset).forEach(([id, asset]) => next.set(id, asset));
      this.assets = next;
    }
  }

  #payment(order) {
    if (order.status !== 'pending_payment') {
      return order.paidAt ? html`<p class="order__paid">Paid <time datetime=${order.paidAt}>${formatDateTime(order.paidAt)}</time>.</p>`
        : nothing;
    }
    return html`<div class="card card--padded order__pay">
      <p>Nothing is processed before the payment. Photos uploaded for this order are kept for 24 hours unless it is paid.
        ${order.paymentStatus === 'failed' ? html`<strong data-test="payment-failed">The last payment attempt failed; you can try again.</strong>` : nothing}</p>
      <a class="button button--primary" data-test="pay-order" href=${order.checkoutUrl} target="_blank" rel="noopener noreferrer">
        Pay ${formatMoney(order.total, order.currency)}</a>
    </div>`;
  }

  #assetPreview(id, fallback) {
    const asset = id ? this.assets.get(id) : null;
    if (!asset) {
      return html`<div class="order-item__picture order-item__picture--empty">${fallback}</div>`;
    }
    return html`<a class="order-item__picture" href="#${roomPath(asset.roomId)}" title=${asset.originalFilename}>
      ${thumbnail(asset.variants, altTextOf(asset), { className: 'tile__picture' })}</a>`;
  }

  #job(job) {
    if (!job) {
      return html`<p class="order-item__job">Starts once the order is paid.</p>`;
    }
    return html`<div class="order-item__job">
      ${statusBadge(job.status, { kind: 'job', test: 'job-status' })}
      <span>attempt ${job.attempts} of ${job.maxAttempts}</span>
      ${job.errorCode ? html`<p class="order-item__error" data-test="job-error">${job.errorMessage || job.errorCode}</p>` : nothing}
    </div>`;
  }

  #item(order, item) {
    const service = processingServiceOf(item.service);
    const output = item.job?.outputAssetId && this.assets.get(item.job.outputAssetId);
    return html`<li class="order-item" data-test="order-line" data-status=${item.job?.status ?? 'unpaid'}>
      ${this.#assetPreview(item.assetId, 'Original gone')}
      <div class="order-item__main">
        <p class="list-row__title">${service.label} · ${formatMoney(item.price, order.currency)}</p>
        ${this.#job(item.job)}
        ${output ? html`<a class="button button--quiet" data-test="order-result" href="#${roomPath(output.roomId)}">
          See the result in its room</a>` : nothing}
      </div>
      ${item.job?.status === 'completed' ? this.#assetPreview(item.job.outputAssetId, 'Result on its way') : nothing}
    </li>`;
  }

  render() {
    if (this.error && !this.order) {
      return html`<section class="page page--narrow"><h1 class="page__title">Order unavailable</h1>
        <p role="alert">${messageOf(this.error)}</p><p><a href="#/orders">Back to your orders</a></p></section>`;
    }
    const order = this.order;
    if (!order) {
      return html`<section class="page"><p class="loading" aria-busy="true">Loading the order…</p></section>`;
    }
    return html`<section class="page" data-test="order-page" data-status=${order.status}>
      <header class="page__header"><div>
        <h1 class="page__title">Order ${order.number} ${statusBadge(order.status, { kind: 'order', test: 'order-status' })}</h1>
        <p class="page__lead">Ordered <time datetime=${order.createdAt}>${formatDateTime(order.createdAt)}</time>
          ${order.completedAt ? html` · ended <time datetime=${order.completedAt}>${formatDateTime(order.completedAt)}</time>` : nothing}</p>
      </div></header>
      ${ordersTabs('orders')}
      ${this.#payment(order)}
      <dl class="order__totals">
        <div><dt>Subtotal</dt><dd>${formatMoney(order.subtotal, order.currency)}</dd></div>
        <div><dt>Tax</dt><dd>${formatMoney(order.tax, order.currency)}</dd></div>
        <div><dt>Total</dt><dd data-test="order-total">${formatMoney(order.total, order.currency)}</dd></div>
      </dl>
      <section class="section" aria-label="Photos of the order">
        <ul class="list order-items">${repeat(order.items, (item) => item.id, (item) => this.#item(order, item))}</ul>
      </section>
    </section>`;
  }
}

customElements.define('order-view', OrderView);
