import { callApi, PAGE_SIZE } from './api.js';
import { config } from './config.js';

/**
 * order-service: paid processing of a session's photos (restoration, renders), the mails sent to the user and
 * the user's webhooks. Same token, same problems and keyset pages as asset-service.
 */

const call = (method, path, options) => callApi(config().ordersUrl, 'The order service', method, path, options);
const at = (id) => encodeURIComponent(id);

// Orders
/** request: {sessionId, items: [{assetId, service: restoration|render, options?}]}; 201 with the order. */
export const createOrder = (request) => call('POST', '/orders', { body: request });
export const listOrders = (cursor, limit = PAGE_SIZE) => call('GET', '/orders', { query: { cursor, limit } });
/** {id, number, status, paymentStatus, subtotal, tax, total, currency, checkoutUrl, items: [{…, job}], …} */
export const getOrder = (id) => call('GET', `/orders/${at(id)}`);

// Mails sent to the user
export const listNotifications = (cursor, limit = PAGE_SIZE) =>
  call('GET', '/notifications', { query: { cursor, limit } });

// The user's webhooks
/** request: {url, events}; 201 {id, url, events, secret, createdAt}: the secret is shown this once. */
export const createWebhookEndpoint = (request) => call('POST', '/webhooks/endpoints', { body: request });
export const listWebhookEndpoints = (cursor, limit = PAGE_SIZE) =>
  call('GET', '/webhooks/endpoints', { query: { cursor, limit } });
export const deleteWebhookEndpoint = (id) => call('DELETE', `/webhooks/endpoints/${at(id)}`);
export const listWebhookDeliveries = (cursor, limit = PAGE_SIZE) =>
  call('GET', '/webhooks/deliveries', { query: { cursor, limit } });
