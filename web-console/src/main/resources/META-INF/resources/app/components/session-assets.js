import { html } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { listSessionAssets } from '../api.js';
import { formatBytes } from '../format.js';
import { LightElement } from '../light-element.js';
import { liveEvents } from '../live-events.js';
import { PagedList } from '../paged-list.js';
import { pagedListView } from '../paged-list-view.js';
import { altTextOf, hasPicture, picture } from '../pictures.js';
import { roomPath } from '../router.js';
import { statusBadge } from '../status-badge.js';
import { ASSET_STATUS, ASSET_TYPES, assetTypeLabel } from '../vocabulary.js';

/**
 * Every file of a session across its rooms, filtered by type and status (e.g. the renders still processing,
 * or every failed upload), each leading to its room.
 */
class SessionAssets extends LightElement {
  static properties = {
    sessionId: { type: String },
    type: { state: true },
    status: { state: true },
  };

  #assets = new PagedList(this, (cursor) => listSessionAssets(this.sessionId, { type: this.type, status: this.status }, cursor));

  constructor() {
    super();
    this.type = '';
    this.status = '';
  }

  connectedCallback() {
    super.connectedCallback();
    this.listen(liveEvents, 'resync', () => this.#assets.load());
    this.#assets.load();
  }

  #filter(name, value) {
    this[name] = value;
    this.#assets.load();
  }

  #item(asset) {
    return html`<li class="list-row" data-test="session-asset" data-asset-id=${asset.id} data-status=${asset.status}>
      <a class="list-row__link" href="#${roomPath(asset.roomId)}" aria-label="${asset.originalFilename}, in its room">
        ${hasPicture(asset.variants, 'thumbnail')
          ? picture(asset.variants, 'thumbnail', altTextOf(asset), { className: 'session-asset__thumb' })
          : html`<span class="session-asset__thumb session-asset__thumb--empty" aria-hidden="true"></span>`}
        <span class="list-row__title">${asset.originalFilename}</span>
        <span class="chip">${assetTypeLabel(asset.assetType)}</span>
        <span class="list-row__meta">${formatBytes(asset.fileSize)}</span>
      </a>
      ${statusBadge(asset.status)}
    </li>`;
  }

  #list() {
    return pagedListView(this.#assets, {
      failed: 'The files could not be loaded', loading: 'Loading files…', more: 'Load more files',
      empty: html`<div class="empty"><p class="empty__title">${this.type || this.status
        ? 'No file matches these filters.' : 'No files yet — add them in a room.'}</p></div>`,
      items: (items) => html`<ul class="list" aria-label="Files of this session">${repeat(items, (asset) => asset.id, (asset) => this.#item(asset))}</ul>`,
    });
  }

  render() {
    return html`<section aria-labelledby="session-assets-heading">
      <h2 class="section__title" id="session-assets-heading">All files</h2>
      <div class="filters" role="group" aria-label="Filter the files">
        <div class="field field--compact">
          <label class="field__label" for="session-assets-type">Type</label>
          <select id="session-assets-type" class="input" data-test="session-assets-type"
            @change=${(event) => this.#filter('type', event.target.value)}>
            <option value="">Any type</option>
            ${ASSET_TYPES.map((type) => html`<option value=${type.value}>${type.label}</option>`)}
          </select>
        </div>
        <div class="field field--compact">
          <label class="field__label" for="session-assets-status">Status</label>
          <select id="session-assets-status" class="input" data-test="session-assets-status"
            @change=${(event) => this.#filter('status', event.target.value)}>
            <option value="">Any status</option>
            ${Object.entries(ASSET_STATUS).map(([value, label]) => html`<option value=${value}>${label}</option>`)}
          </select>
        </div>
      </div>
      ${this.#list()}
    </section>`;
  }
}

customElements.define('session-assets', SessionAssets);
