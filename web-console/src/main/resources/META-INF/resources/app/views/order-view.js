import { html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { allPages, listSessionAssets } from '../api.js';
import { formatDateTime } from '../format.js';
import { LightElement } from '../light-element.js';
import { formatMoney } from '../money.js';
import { getOrder } from '../orders-api.js';
import { altTextOf, hasPicture, thumbnail } from '../pictures.js';
import { messageOf } from '../problem.js';
import { roomPath } from '../router.js';
import { statusBadge } from '../status-badge.js';
import { OPEN_ORDER_STATUSES, processingServiceOf } from '../vocabulary.js';
import { ordersTabs } from './orders-tabs.js';

/** How often an order still moving (unpaid, processing) is read again. */
const REFRESH_MS = 2000;
/** How many reads an ended order's pictures get (an original that expired never comes). */
const MAX_PICTURE_READS = 15;

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
  #assetReads = 0;

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
    let pictured = false;
    try {
      this.order = await getOrder(this.orderId);
      this.error = null;
      document.title = `Order ${this.order.number} · Renovation console`;
      pictured = await this.#loadAssets();
    } catch (error) {
      this.error = error;
    }
    // an ended order is read again a little while its results are still on their way to the room
    const waitingForPictures = !pictured && (this.#assetReads += 1) <= MAX_PICTURE_READS;
    if (!this.order || OPEN_ORDER_STATUSES.includes(this.order.status) || waitingForPictures) {
      this.#timer = setTimeout(() => this.#load(), REFRESH_MS);
    }
  }

  /**
   * The originals and results shown beside each item, read from the session's list (never one by one: a result
   * not yet made an asset, or an original that expired, is simply not there, rather than a 404).
   */
  async #loadAssets() {
    const wanted = this.order.items.flatMap((item) => [item.assetId,
      item.job?.status === 'completed' ? item.job.outputAssetId : null]).filter(Boolean);
    const shown = () => wanted.every((id) => this.assets.has(id)
      && (hasPicture(this.assets.get(id).variants, 'thumbnail') || this.assets.get(id).status === 'failed'));
    if (shown()) {
      return true;
    }
    try {
      const assets = await allPages((cursor, limit) => listSessionAssets(this.order.sessionId, {}, cursor, limit));
      this.assets = new Map(assets.filter((asset) => wanted.includes(asset.id)).map((asset) => [asset.id, asset]));
    } catch {
      // the pictures are a convenience: the order reads the same without them
    }
    return shown();
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
