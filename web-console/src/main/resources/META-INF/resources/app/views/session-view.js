import { html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { announce } from '../announcer.js';
import { createRoom, getSession, listRooms, renameSession, updateRoom } from '../api.js';
import '../components/backup-panel.js';
import '../components/document-panel.js';
import '../components/session-assets.js';
import { saveRename } from '../components/rename-form.js';
import { formatDateTime, formatRelative } from '../format.js';
import { LightElement } from '../light-element.js';
import { liveEvents } from '../live-events.js';
import { PagedList } from '../paged-list.js';
import { pagedListView } from '../paged-list-view.js';
import { messageOf } from '../problem.js';
import { historyPath, navigate, roomPath } from '../router.js';
import { confirmAndDeleteRoom, confirmAndDeleteSession } from '../session-actions.js';
import { humanize, ROOM_TYPES } from '../vocabulary.js';

/**
 * One session: its title (rename, delete), its rooms (add, rename, delete), all its files across rooms, its
 * documents and its backups.
 */
class SessionView extends LightElement {
  static properties = {
    sessionId: { type: String },
    session: { state: true },
    loadError: { state: true },
    renamingTitle: { state: true },
    renamingRoomId: { state: true },
    renameBusy: { state: true },
    renameError: { state: true },
    creating: { state: true },
    createError: { state: true },
  };

  #rooms = new PagedList(this, (cursor) => listRooms(this.sessionId, cursor));

  constructor() {
    super();
    this.session = null;
    this.loadError = null;
    this.renamingTitle = false;
    this.renamingRoomId = null;
    this.renameBusy = false;
    this.renameError = '';
    this.creating = false;
    this.createError = '';
  }

  connectedCallback() {
    super.connectedCallback();
    document.title = 'Session · Renovation console';
    this.listen(liveEvents, 'session.deleted', ({ sessionId }) => {
      if (sessionId === this.sessionId) {
        announce('This session was deleted.');
        navigate('/sessions', { replace: true });
      }
    });
    this.listen(liveEvents, 'room.deleted', ({ roomId }) => {
      this.#rooms.items = this.#rooms.items.filter((room) => room.id !== roomId);
    });
    this.listen(liveEvents, 'resync', () => this.#load());
    this.#load();
  }

  async #load() {
    try {
      this.session = await getSession(this.sessionId);
      this.loadError = null;
      document.title = `${this.session.title} · Renovation console`;
    } catch (error) {
      this.loadError = error;
      return;
    }
    this.#rooms.load();
  }

  #renameSession(title) {
    return saveRename(this, 'title', async () => {
      const renamed = await renameSession(this.sessionId, title);
      // the rename is a change: the view reads the session again for its new activity (a rename answers none)
      this.session = await getSession(this.sessionId).catch(() => renamed);
      document.title = `${this.session.title} · Renovation console`;
      this.renamingTitle = false;
      announce(`Session renamed to “${this.session.title}”.`);
      this.#focus('[data-test="rename-session"]');
    });
  }

  async #deleteSession() {
    if (await confirmAndDeleteSession(this.session)) {
      navigate('/sessions');
    }
  }

  async #createRoom(event) {
    event.preventDefault();
    const nameInput = this.querySelector('#new-room-name');
    const name = nameInput.value.trim();
    const roomType = this.querySelector('#new-room-type').value;
    if (!name) {
      this.createError = 'Give the room a name, e.g. “Kitchen”.';
      nameInput.focus();
      return;
    }
    this.creating = true;
    this.createError = '';
    try {
      const room = await createRoom(this.sessionId, { name, roomType });
      this.#rooms.items = [...this.#rooms.items.filter((known) => known.id !== room.id), room];
      nameInput.value = '';
      announce(`Room “${room.name}” added.`);
    } catch (error) {
      this.createError = error.fieldError?.('name') ?? error.fieldError?.('roomType') ?? messageOf(error);
    } finally {
      this.creating = false;
      this.updateComplete.then(() => nameInput.focus());
    }
  }

  #renameRoom(room, name) {
    return saveRename(this, 'name', async () => {
      const renamed = await updateRoom(room.id, { name });
      this.#rooms.items = this.#rooms.items.map((known) => (known.id === renamed.id ? renamed : known));
      this.renamingRoomId = null;
      announce(`Room renamed to “${renamed.name}”.`);
      this.#focus(`[data-id="${room.id}"] [data-test="rename-room"]`);
    });
  }

  async #deleteRoom(room) {
    if (await confirmAndDeleteRoom(room)) {
      this.#rooms.items = this.#rooms.items.filter((known) => known.id !== room.id);
    }
  }

  #focus(selector) {
    this.updateComplete.then(() => this.querySelector(selector)?.focus());
  }

  #header() {
    const session = this.session;
    return html`<nav class="breadcrumbs" aria-label="Breadcrumb">
        <a href="#/sessions">Sessions</a><span aria-hidden="true">/</span><span aria-current="page">${session.title}</span>
      </nav>
      <header class="page__header">
        ${this.renamingTitle ? html`<rename-form class="page__rename" .value=${session.title} label="Session title"
            ?busy=${this.renameBusy} .error=${this.renameError}
            @rename-save=${(event) => this.#renameSession(event.detail.value)}
            @rename-cancel=${() => { this.renamingTitle = false; this.#focus('[data-test="rename-session"]'); }}></rename-form>`
          : html`<h1 class="page__title" data-test="session-title">${session.title}</h1>`}
        <div class="page__actions">
          <button class="button" type="button" data-test="rename-session" ?disabled=${this.renamingTitle}
            @click=${() => { this.renamingTitle = true; this.renameError = ''; }}>Rename</button>
          <a class="button button--quiet" href="#${historyPath('session', session.id)}" data-test="session-history">History</a>
          <button class="button button--danger" type="button" data-test="delete-session" @click=${this.#deleteSession}>Delete session</button>
        </div>
      </header>
      ${session.erasesAt ? html`<p class="field__hint" data-test="session-activity">Last changed
        ${formatRelative(session.lastActivityAt)}. A session nobody changes is erased after a while: this one on
        ${formatDateTime(session.erasesAt)}, unless it changes before.</p>` : nothing}`;
  }

  #roomItem(room) {
    if (this.renamingRoomId === room.id) {
      return html`<li class="list-row" data-id=${room.id}>
        <rename-form .value=${room.name} label="Room name" ?busy=${this.renameBusy} .error=${this.renameError}
          @rename-save=${(event) => this.#renameRoom(room, event.detail.value)}
          @rename-cancel=${() => { this.renamingRoomId = null; this.#focus(`[data-id="${room.id}"] [data-test="rename-room"]`); }}></rename-form>
      </li>`;
    }
    return html`<li class="list-row" data-id=${room.id}>
      <a class="list-row__link" href="#${roomPath(room.id)}" data-test="room-item">
        <span class="list-row__title">${room.name}</span>
        <span class="chip">${humanize(room.roomType)}</span>
      </a>
      <div class="list-row__actions">
        <button class="button button--quiet" type="button" data-test="rename-room" aria-label="Rename ${room.name}"
          @click=${() => { this.renamingRoomId = room.id; this.renameError = ''; }}>Rename</button>
        <button class="button button--quiet button--danger-text" type="button" data-test="delete-room"
          aria-label="Delete ${room.name}" @click=${() => this.#deleteRoom(room)}>Delete</button>
      </div>
    </li>`;
  }

  #roomList() {
    return pagedListView(this.#rooms, {
      failed: 'The rooms could not be loaded', loading: 'Loading rooms…', more: 'Load more rooms',
      empty: html`<div class="empty"><p class="empty__title">No rooms yet — add the first one.</p>
        <p>Each room gets its own photos, before/after comparisons and documents.</p></div>`,
      items: (rooms) => html`<ul class="list" aria-label="Rooms">${repeat(rooms, (room) => room.id, (room) => this.#roomItem(room))}</ul>`,
    });
  }

  render() {
    if (this.loadError) {
      return html`<section class="page page--narrow"><h1 class="page__title">Session unavailable</h1>
        <p role="alert">${this.loadError.notFound ? 'This session does not exist, or it was deleted.' : messageOf(this.loadError)}</p>
        <p><a href="#/sessions">Back to your sessions</a></p></section>`;
    }
    if (!this.session) {
      return html`<section class="page"><p class="loading" aria-busy="true">Loading the session…</p></section>`;
    }
    return html`<section class="page">
      ${this.#header()}
      <section class="section" aria-labelledby="rooms-heading">
        <h2 id="rooms-heading" class="section__title">Rooms</h2>
        <form class="card card--padded inline-form" @submit=${this.#createRoom} novalidate>
          <div class="field inline-form__grow">
            <label class="field__label" for="new-room-name">Room name</label>
            <input id="new-room-name" class="input" type="text" maxlength="200" required placeholder="e.g. Main bathroom"
              data-test="new-room-name" ?disabled=${this.creating} aria-describedby="new-room-error"
              aria-invalid=${this.createError ? 'true' : 'false'}>
          </div>
          <div class="field">
            <label class="field__label" for="new-room-type">Room type</label>
            <select id="new-room-type" class="input" data-test="new-room-type" ?disabled=${this.creating}>
              ${ROOM_TYPES.map((type) => html`<option value=${type}>${humanize(type)}</option>`)}
            </select>
          </div>
          <button class="button button--primary" type="submit" data-test="create-room" ?disabled=${this.creating}>
            ${this.creating ? 'Adding…' : 'Add room'}
          </button>
          <p id="new-room-error" class="field-error inline-form__full" role="alert">${this.createError}</p>
        </form>
        ${this.#roomList()}
      </section>
      <session-assets class="section" .sessionId=${this.sessionId}></session-assets>
      <document-panel class="section" .sessionId=${this.sessionId} .placeName=${this.session.title}></document-panel>
      <backup-panel class="section" .sessionId=${this.sessionId} .sessionTitle=${this.session.title}></backup-panel>
    </section>`;
  }
}

customElements.define('session-view', SessionView);
