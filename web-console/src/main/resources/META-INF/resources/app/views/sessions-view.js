import { html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { announce } from '../announcer.js';
import { createSession, listSessions, renameSession } from '../api.js';
import { saveRename } from '../components/rename-form.js';
import { formatDateTime } from '../format.js';
import { LightElement } from '../light-element.js';
import { liveEvents } from '../live-events.js';
import { PagedList } from '../paged-list.js';
import { messageOf } from '../problem.js';
import { sessionPath } from '../router.js';
import { confirmAndDeleteSession } from '../session-actions.js';

/** The user's renovation sessions: newest first, paged with "Load more"; create, rename inline, delete. */
class SessionsView extends LightElement {
  static properties = {
    creating: { state: true },
    createError: { state: true },
    renamingId: { state: true },
    renameBusy: { state: true },
    renameError: { state: true },
  };

  #sessions = new PagedList(this, (cursor) => listSessions(cursor));

  constructor() {
    super();
    this.creating = false;
    this.createError = '';
    this.renamingId = null;
    this.renameBusy = false;
    this.renameError = '';
  }

  connectedCallback() {
    super.connectedCallback();
    document.title = 'Sessions · Renovation console';
    this.listen(liveEvents, 'session.deleted', ({ sessionId }) => {
      this.#sessions.items = this.#sessions.items.filter((session) => session.id !== sessionId);
    });
    this.listen(liveEvents, 'resync', () => this.#sessions.load());
    this.#sessions.load();
  }

  async #create(event) {
    event.preventDefault();
    const input = this.querySelector('#new-session-title');
    const title = input.value.trim();
    if (!title) {
      this.createError = 'Give the session a title, e.g. “Kitchen renovation”.';
      input.focus();
      return;
    }
    this.creating = true;
    this.createError = '';
    try {
      const session = await createSession(title);
      this.#sessions.items = [session, ...this.#sessions.items.filter((known) => known.id !== session.id)];
      input.value = '';
      announce(`Session “${session.title}” created.`);
    } catch (error) {
      this.createError = error.fieldError?.('title') ?? messageOf(error);
    } finally {
      this.creating = false;
      this.updateComplete.then(() => input.focus()); // once it is enabled again
    }
  }

  #rename(session, title) {
    return saveRename(this, 'title', async () => {
      const renamed = await renameSession(session.id, title);
      this.#sessions.items = this.#sessions.items.map((known) => (known.id === renamed.id ? renamed : known));
      this.renamingId = null;
      announce(`Session renamed to “${renamed.title}”.`);
      this.#focusAction(session.id, 'rename-session');
    });
  }

  #cancelRename(id) {
    this.renamingId = null;
    this.renameError = '';
    this.#focusAction(id, 'rename-session');
  }

  async #delete(session) {
    if (await confirmAndDeleteSession(session)) {
      this.#sessions.items = this.#sessions.items.filter((known) => known.id !== session.id);
    }
  }

  #focusAction(id, test) {
    this.updateComplete.then(() => this.querySelector(`[data-id="${id}"] [data-test="${test}"]`)?.focus());
  }

  #item(session) {
    if (this.renamingId === session.id) {
      return html`<li class="list-row" data-id=${session.id}>
        <rename-form .value=${session.title} label="Session title" ?busy=${this.renameBusy} .error=${this.renameError}
          @rename-save=${(event) => this.#rename(session, event.detail.value)}
          @rename-cancel=${() => this.#cancelRename(session.id)}></rename-form>
      </li>`;
    }
    return html`<li class="list-row" data-id=${session.id}>
      <a class="list-row__link" href="#${sessionPath(session.id)}" data-test="session-item">
        <span class="list-row__title">${session.title}</span>
        <span class="list-row__meta">Created ${formatDateTime(session.createdAt)}</span>
      </a>
      <div class="list-row__actions">
        <button class="button button--quiet" type="button" data-test="rename-session"
          aria-label="Rename ${session.title}" @click=${() => { this.renamingId = session.id; this.renameError = ''; }}>Rename</button>
        <button class="button button--quiet button--danger-text" type="button" data-test="delete-session"
          aria-label="Delete ${session.title}" @click=${() => this.#delete(session)}>Delete</button>
      </div>
    </li>`;
  }

  #list() {
    const { items: sessions, nextCursor, loading, error } = this.#sessions;
    if (error && sessions.length === 0) {
      return html`<div class="empty" role="alert">
        <p>Your sessions could not be loaded: ${error}</p>
        <button class="button" type="button" @click=${() => this.#sessions.load()}>Try again</button>
      </div>`;
    }
    if (loading && sessions.length === 0) {
      return html`<p class="loading" aria-busy="true">Loading your sessions…</p>`;
    }
    if (sessions.length === 0) {
      return html`<div class="empty">
        <p class="empty__title">No sessions yet — create the first one above.</p>
        <p>A session holds one renovation: its rooms, photos, plans and documents.</p>
      </div>`;
    }
    return html`
      <ul class="list" aria-label="Sessions">${repeat(sessions, (session) => session.id, (session) => this.#item(session))}</ul>
      ${error ? html`<p class="field-error" role="alert">${error}</p>` : nothing}
      ${nextCursor ? html`<button class="button load-more" type="button" ?disabled=${loading}
          @click=${() => this.#sessions.load(nextCursor)}>${loading ? 'Loading…' : 'Load more sessions'}</button>` : nothing}`;
  }

  render() {
    return html`<section class="page">
      <header class="page__header">
        <div>
          <h1 class="page__title">Your sessions</h1>
          <p class="page__lead">One session per renovation project. Open one to add rooms and photos.</p>
        </div>
      </header>
      <form class="card card--padded inline-form" @submit=${this.#create} novalidate>
        <div class="field inline-form__grow">
          <label class="field__label" for="new-session-title">New session title</label>
          <input id="new-session-title" class="input" type="text" maxlength="200" required
            placeholder="e.g. Kitchen renovation" data-test="new-session-title" ?disabled=${this.creating}
            aria-describedby="new-session-error" aria-invalid=${this.createError ? 'true' : 'false'}>
        </div>
        <button class="button button--primary" type="submit" data-test="create-session" ?disabled=${this.creating}>
          ${this.creating ? 'Creating…' : 'Create session'}
        </button>
        <p id="new-session-error" class="field-error inline-form__full" role="alert">${this.createError}</p>
      </form>
      <section class="section" aria-labelledby="sessions-heading">
        <h2 id="sessions-heading" class="section__title">All sessions</h2>
        ${this.#list()}
      </section>
    </section>`;
  }
}

customElements.define('sessions-view', SessionsView);
