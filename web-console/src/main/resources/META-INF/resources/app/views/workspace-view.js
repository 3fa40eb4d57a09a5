import { html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { announce } from '../announcer.js';
import { deleteAsset, getAsset, listWorkspace, saveToLibrary } from '../api.js';
import '../components/asset-uploader.js';
import { askConfirmation } from '../components/confirm-dialog.js';
import { formatDateTime, formatRelative } from '../format.js';
import { LightElement } from '../light-element.js';
import { liveEvents } from '../live-events.js';
import { PagedList } from '../paged-list.js';
import { pagedListView } from '../paged-list-view.js';
import { thumbnail } from '../pictures.js';
import { messageOf } from '../problem.js';
import { historyPath } from '../router.js';
import { statusBadge } from '../status-badge.js';

/**
 * The workspace: generated images (renders) that wait here 7 days, newest first. Keep saves one to the library
 * for good (its expiry goes); Delete erases it now. Uploads land here too, and turn ready live.
 */

const ASSET_EVENTS = ['asset.confirmed', 'asset.processing', 'asset.ready', 'asset.variant', 'asset.failed'];

class WorkspaceView extends LightElement {
  static properties = { busyIds: { state: true } };

  #assets = new PagedList(this, (cursor) => listWorkspace(cursor));

  // what the uploader calls as each file arrives (a room's uploader calls its RoomAssets the same way)
  #uploads = {
    upsert: (asset) => this.#put(asset, { first: true }),
    remove: (id) => this.#drop(id),
  };

  constructor() {
    super();
    this.busyIds = new Set();
  }

  connectedCallback() {
    super.connectedCallback();
    document.title = 'Workspace · Renovation console';
    for (const name of ASSET_EVENTS) {
      this.listen(liveEvents, name, ({ assetId }) => this.#refresh(assetId));
    }
    this.listen(liveEvents, 'asset.deleted', ({ assetId }) => this.#drop(assetId));
    this.listen(liveEvents, 'resync', () => this.#assets.load());
    this.#assets.load();
  }

  #put(asset, { first = false } = {}) {
    const known = this.#assets.items.some((item) => item.id === asset.id);
    if (known) {
      this.#assets.items = this.#assets.items.map((item) => (item.id === asset.id ? asset : item));
    } else if (first) {
      this.#assets.items = [asset, ...this.#assets.items];
    }
  }

  #drop(id) {
    this.#assets.items = this.#assets.items.filter((item) => item.id !== id);
  }

  /** Events carry a status, not the signed URLs: a listed asset is read again. */
  async #refresh(id) {
    if (!this.#assets.items.some((item) => item.id === id)) {
      return;
    }
    try {
      this.#put(await getAsset(id));
    } catch (error) {
      if (error.notFound) {
        this.#drop(id);
      }
    }
  }

  async #busy(id, work) {
    this.busyIds = new Set([...this.busyIds, id]);
    try {
      await work();
    } finally {
      const next = new Set(this.busyIds);
      next.delete(id);
      this.busyIds = next;
    }
  }

  #keep(asset) {
    return this.#busy(asset.id, async () => {
      try {
        await saveToLibrary(asset.id);
        this.#put({ ...asset, expiresAt: null });
        announce(`${asset.originalFilename} is kept in your library.`);
      } catch (error) {
        announce(`${asset.originalFilename} could not be kept: ${messageOf(error)}`, { tone: 'error', timeout: 8000 });
      }
    });
  }

  async #delete(asset) {
    const accepted = await askConfirmation({
      title: `Delete “${asset.originalFilename}”?`,
      lines: ['It is erased now instead of when it expires, with every size made of it.'],
      confirmLabel: 'Delete file',
    });
    if (!accepted) {
      return;
    }
    await this.#busy(asset.id, async () => {
      try {
        await deleteAsset(asset.id);
        this.#drop(asset.id);
        announce(`${asset.originalFilename} deleted.`);
      } catch (error) {
        announce(`${asset.originalFilename} could not be deleted: ${messageOf(error)}`, { tone: 'error', timeout: 8000 });
      }
    });
  }

  #expiry(asset) {
    if (!asset.expiresAt) {
      return html`<p class="tile__meta" data-test="workspace-expiry"><span class="chip chip--accent">Kept in your library</span></p>`;
    }
    return html`<p class="tile__meta" data-test="workspace-expiry">
      Expires <time datetime=${asset.expiresAt} title=${formatDateTime(asset.expiresAt)}>${formatRelative(asset.expiresAt)}</time>
    </p>`;
  }

  #item(asset) {
    const name = asset.originalFilename;
    const busy = this.busyIds.has(asset.id);
    return html`<li class="tile" data-test="workspace-item" data-asset-id=${asset.id} data-status=${asset.status}
        aria-busy=${busy ? 'true' : 'false'}>
      <div class="tile__media">
        ${thumbnail(asset.variants, asset.altText || asset.caption || name,
          { placeholder: asset.status === 'failed' ? 'No preview' : 'Preparing the preview…' })}
        <span class="tile__badge">${statusBadge(asset.status)}</span>
      </div>
      <div class="tile__body">
        <h3 class="tile__title">${name}</h3>
        ${this.#expiry(asset)}
        <div class="tile__actions">
          ${asset.expiresAt ? html`<button class="button button--primary" type="button" data-test="workspace-keep"
            ?disabled=${busy || asset.status === 'pending'} aria-label="Keep ${name} in your library"
            @click=${() => this.#keep(asset)}>Keep</button>` : nothing}
          <a class="button button--quiet" href="#${historyPath('asset', asset.id)}" aria-label="History of ${name}">History</a>
          <button class="button button--quiet button--danger-text" type="button" data-test="workspace-delete"
            ?disabled=${busy} aria-label="Delete ${name}" @click=${() => this.#delete(asset)}>Delete</button>
        </div>
      </div>
    </li>`;
  }

  #list() {
    return pagedListView(this.#assets, {
      failed: 'Your workspace could not be loaded', loading: 'Loading your workspace…', more: 'Load more images',
      empty: html`<div class="empty"><p class="empty__title">Your workspace is empty.</p>
        <p>Generated renders arrive here and wait 7 days; keep the ones you like.</p></div>`,
      items: (items) => html`<ul class="tiles" aria-label="Workspace images">${repeat(items, (asset) => asset.id, (asset) => this.#item(asset))}</ul>`,
    });
  }

  render() {
    return html`<section class="page">
      <header class="page__header"><div>
        <h1 class="page__title">Workspace</h1>
        <p class="page__lead">Images wait here for 7 days. Keep the ones you want: they move to your library for good.</p>
      </div></header>
      <section class="section" aria-labelledby="workspace-upload-heading">
        <h2 class="section__title" id="workspace-upload-heading">Add images</h2>
        <asset-uploader class="card card--padded uploader" workspace .store=${this.#uploads}></asset-uploader>
      </section>
      <section class="section" aria-labelledby="workspace-heading">
        <h2 class="section__title" id="workspace-heading">Waiting to be kept</h2>
        ${this.#list()}
      </section>
    </section>`;
  }
}

customElements.define('workspace-view', WorkspaceView);
