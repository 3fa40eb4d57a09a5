import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import {
  ASSET_STATUS, DELIVERY_STATUS, DOCUMENT_STATUS, JOB_STATUS, NOTIFICATION_STATUS, ORDER_STATUS,
} from './vocabulary.js';

const LABELS = {
  asset: ASSET_STATUS, document: DOCUMENT_STATUS, order: ORDER_STATUS, job: JOB_STATUS,
  notification: NOTIFICATION_STATUS, delivery: DELIVERY_STATUS,
};

/** A status pill; pending and processing states pulse so progress is visible without reading. */
export function statusBadge(status, { kind = 'asset', test } = {}) {
  const labels = LABELS[kind] ?? ASSET_STATUS;
  const busy = ['pending', 'uploaded', 'processing', 'rendering', 'pending_payment', 'queued', 'sending'].includes(status);
  return html`<span class="badge badge--${status} ${busy ? 'badge--busy' : ''}" data-test=${ifDefined(test)}>${labels[status] ?? status}</span>`;
}
