import { html } from 'lit';

/** The tabs of the orders area: orders, the mails sent to the user, the user's webhooks. */
export function ordersTabs(active) {
  const tab = (path, name, label) => html`<a class="tabs__tab" href="#${path}"
    aria-current=${active === name ? 'page' : 'false'}>${label}</a>`;
  return html`<nav class="tabs" aria-label="Orders area">
    ${tab('/orders', 'orders', 'Orders')}
    ${tab('/notifications', 'notifications', 'Mails')}
    ${tab('/webhooks', 'webhooks', 'Webhooks')}
  </nav>`;
}
