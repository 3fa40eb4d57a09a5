import { html, nothing } from 'lit';
import { announce } from '../announcer.js';
import { getRoom, getSession, updateRoom } from '../api.js';
import '../components/asset-gallery.js';
import '../components/artefact-panel.js';
import '../components/asset-uploader.js';
import '../components/comparison-panel.js';
import '../components/document-panel.js';
import '../components/link-creator.js';
import '../components/order-form.js';
import { saveRename } from '../components/rename-form.js';
import { pluralize } from '../format.js';
import { LightElement } from '../light-element.js';
import { liveEvents } from '../live-events.js';
import { messageOf } from '../problem.js';
import { RoomAssets } from '../room-assets.js';
import { historyPath, navigate, sessionPath } from '../router.js';
import { confirmAndDeleteRoom } from '../session-actions.js';
import { humanize } from '../vocabulary.js';

/**
 * One room: upload, the gallery of its files, its floor plans and drawings, before/after comparisons, its documents
 * and links to its files.
 */
class RoomView extends LightElement {
  static properties = {
    roomId: { type: String },
    room: { state: true },
    session: { state: true },
    loadError: { state: true },
    renaming: { state: true },
    renameBusy: { state: true },
    renameError: { state: true },
  };

  #store = null;

  constructor() {
    super();
    this.room = null;
    this.session = null;
    this.loadError = null;
    this.renaming = false;
    this.renameBusy = false;
    this.renameError = '';
  }

  connectedCallback() {
    super.connectedCallback();
    document.title = 'Room · Renovation console';
    this.#store = new RoomAssets(this.roomId);
    const onChange = () => this.requestUpdate();
    this.#store.addEventListener('change', onChange);
    this.#store.connect();
    this.onDisconnect(() => {
      this.#store.removeEventListener('change', onChange);
      this.#store.disconnect();
    });
    this.listen(liveEvents, 'room.deleted', ({ roomId, sessionId }) => {
      if (roomId === this.roomId) {
        announce('This room was deleted.');
        navigate(sessionPath(sessionId), { replace: true });
      }
    });
    this.listen(liveEvents, 'session.deleted', ({ sessionId }) => {
      if (sessionId === this.room?.sessionId) {
        announce('This room’s session was deleted.');
        navigate('/sessions', { replace: true });
      }
    });
    this.#load();
  }

  async #load() {
    try {
      this.room = await getRoom(this.roomId);
      document.title = `${this.room.name} · Renovation console`;
    } catch (error) {
      this.loadError = error;
      return;
    }
    this.#store.load();
    try {
      this.session = await getSession(this.room.sessionId);
    } catch {
      this.session = null; // only the breadcrumb needs it
    }
  }

  #rename(name) {
    return saveRename(this, 'name', async () => {
      this.room = await updateRoom(this.roomId, { name });
      document.title = `${this.room.name} · Renovation console`;
      this.renaming = false;
      announce(`Room renamed to “${this.room.name}”.`);
      this.updateComplete.then(() => this.querySelector('[data-test="rename-room"]')?.focus());
    });
  }

  async #delete() {
    if (await confirmAndDeleteRoom(this.room)) {
      navigate(sessionPath(this.room.sessionId));
    }
  }

  #header() {
    const room = this.room;
    return html`<nav class="breadcrumbs" aria-label="Breadcrumb">
        <a href="#/sessions">Sessions</a><span aria-hidden="true">/</span>
        <a href="#${sessionPath(room.sessionId)}">${this.session?.title ?? 'Session'}</a><span aria-hidden="true">/</span>
        <span aria-current="page">${room.name}</span>
      </nav>
      <header class="page__header">
        ${this.renaming ? html`<rename-form class="page__rename" .value=${room.name} label="Room name" ?busy=${this.renameBusy}
            .error=${this.renameError} @rename-save=${(event) => this.#rename(event.detail.value)}
            @rename-cancel=${() => { this.renaming = false; this.updateComplete.then(() => this.querySelector('[data-test="rename-room"]')?.focus()); }}></rename-form>`
          : html`<div>
            <h1 class="page__title" data-test="room-title">${room.name}</h1>
            <p class="page__lead"><span class="chip">${humanize(room.roomType)}</span>
              ${this.#store.loaded ? pluralize(this.#store.items.length, 'file') : ''}</p>
          </div>`}
        <div class="page__actions">
          <button class="button" type="button" data-test="rename-room" ?disabled=${this.renaming}
            @click=${() => { this.renaming = true; this.renameError = ''; }}>Rename</button>
          <a class="button button--quiet" href="#${historyPath('room', room.id)}" data-test="room-history">History</a>
          <button class="button button--danger" type="button" data-test="delete-room" @click=${this.#delete}>Delete room</button>
        </div>
      </header>`;
  }

  render() {
    if (this.loadError) {
      return html`<section class="page page--narrow"><h1 class="page__title">Room unavailable</h1>
        <p role="alert">${this.loadError.notFound ? 'This room does not exist, or it was deleted.' : messageOf(this.loadError)}</p>
        <p><a href="#/sessions">Back to your sessions</a></p></section>`;
    }
    if (!this.room) {
      return html`<section class="page"><p class="loading" aria-busy="true">Loading the room…</p></section>`;
    }
    const assets = this.#store.items;
    return html`<section class="page">
      ${this.#header()}
      <section class="section" aria-labelledby="upload-heading">
        <h2 class="section__title" id="upload-heading">Add files</h2>
        <asset-uploader class="card card--padded uploader" .roomId=${this.roomId} .store=${this.#store}></asset-uploader>
      </section>
      <section class="section" aria-labelledby="gallery-heading">
        <h2 class="section__title" id="gallery-heading">Files in this room
          ${this.#store.loaded ? html`<span class="section__count">${assets.length}</span>` : nothing}</h2>
        <asset-gallery .store=${this.#store} .assets=${assets}></asset-gallery>
      </section>
      <artefact-panel class="section" .sessionId=${this.room.sessionId} .roomId=${this.roomId}></artefact-panel>
      <div class="room-columns">
        <section class="section" aria-labelledby="comparisons-heading">
          <h2 class="section__title" id="comparisons-heading">Before and after</h2>
          <comparison-panel .roomId=${this.roomId} .store=${this.#store} .assets=${assets}></comparison-panel>
        </section>
        <document-panel class="section" .sessionId=${this.room.sessionId} .roomId=${this.roomId}
          .placeName=${this.room.name}></document-panel>
      </div>
      <section class="section card card--padded" aria-labelledby="room-link-heading">
        <h2 class="section__title" id="room-link-heading">Share or download</h2>
        <p class="field__hint">Pick files and make a link for someone without an account: one file, a ZIP of
          several, or a page that shows their pictures.</p>
        <link-creator .assets=${assets}></link-creator>
      </section>
      <section class="section card card--padded" aria-labelledby="room-order-heading">
        <h2 class="section__title" id="room-order-heading">Order processing</h2>
        <p class="field__hint">Have photos restored or restyled by AI. The results join this room as new files,
          each linked to its original. See your <a href="#/orders">orders</a>.</p>
        <order-form .assets=${assets} .sessionId=${this.room.sessionId}></order-form>
      </section>
    </section>`;
  }
}

customElements.define('room-view', RoomView);
