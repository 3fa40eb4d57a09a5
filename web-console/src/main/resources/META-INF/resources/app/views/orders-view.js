import { html } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { formatDateTime, pluralize } from '../format.js';
import { LightElement } from '../light-element.js';
import { formatMoney } from '../money.js';
import { listOrders } from '../orders-api.js';
import { PagedList } from '../paged-list.js';
import { pagedListView } from '../paged-list-view.js';
import { orderPath } from '../router.js';
import { statusBadge } from '../status-badge.js';
import { ordersTabs } from './orders-tabs.js';

/** The user's orders of paid processing, newest first, each with its state and total. */
class OrdersView extends LightElement {
  #orders = new PagedList(this, (cursor) => listOrders(cursor));

  connectedCallback() {
    super.connectedCallback();
    document.title = 'Orders · Renovation console';
    this.#orders.load();
  }

  #item(order) {
    return html`<li class="list-row" data-test="order-item" data-id=${order.id} data-status=${order.status}>
      <div>
        <p class="list-row__title"><a href="#${orderPath(order.id)}">Order ${order.number}</a>
          ${statusBadge(order.status, { kind: 'order', test: 'order-status' })}</p>
        <p class="list-row__meta">${pluralize(order.items?.length ?? 0, 'photo')} ·
          <span data-test="order-total">${formatMoney(order.total, order.currency)}</span> ·
          <time datetime=${order.createdAt}>${formatDateTime(order.createdAt)}</time></p>
      </div>
    </li>`;
  }

  render() {
    return html`<section class="page">
      <header class="page__header"><div>
        <h1 class="page__title">Orders</h1>
        <p class="page__lead">Restorations and AI renders you ordered for your photos. Order from a room's photos.</p>
      </div>
      <div class="page__actions"><button class="button" type="button" data-test="refresh-orders"
        @click=${() => this.#orders.load()}>Refresh</button></div></header>
      ${ordersTabs('orders')}
      <section class="section" aria-label="Your orders" aria-busy=${this.#orders.loading ? 'true' : 'false'}>
        ${pagedListView(this.#orders, {
          failed: 'Your orders could not be loaded', loading: 'Loading your orders…', more: 'Load more orders',
          empty: html`<div class="empty"><p class="empty__title">No orders yet.</p>
            <p>Open a room and choose “Order processing” to have photos restored or rendered.</p></div>`,
          items: (items) => html`<ul class="list" aria-label="Orders">${repeat(items, (o) => o.id, (o) => this.#item(o))}</ul>`,
        })}
      </section>
    </section>`;
  }
}

customElements.define('orders-view', OrdersView);
