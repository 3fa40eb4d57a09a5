import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { ASSET_STATUS, DOCUMENT_STATUS } from './vocabulary.js';

/** A status pill; pending and processing states pulse so progress is visible without reading. */
export function statusBadge(status, { kind = 'asset', test } = {}) {
  const labels = kind === 'document' ? DOCUMENT_STATUS : ASSET_STATUS;
  const busy = ['pending', 'uploaded', 'processing', 'rendering'].includes(status);
  return html`<span class="badge badge--${status} ${busy ? 'badge--busy' : ''}" data-test=${ifDefined(test)}>${labels[status] ?? status}</span>`;
}
