import { html } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { announce } from '../announcer.js';
import { createBackup, listBackups, restoreBackup } from '../api.js';
import { formatBytes, formatDateTime, pluralize } from '../format.js';
import { LightElement } from '../light-element.js';
import { PagedList } from '../paged-list.js';
import { pagedListView } from '../paged-list-view.js';
import { messageOf } from '../problem.js';
import { navigate, sessionPath } from '../router.js';
import { askConfirmation } from './confirm-dialog.js';

/**
 * A session's backups, newest first: made daily when the session changed, or now on demand. Restoring one makes
 * a new session from it (the session itself is left as it is) and opens it.
 */
class BackupPanel extends LightElement {
  static properties = {
    sessionId: { type: String },
    sessionTitle: { type: String },
    busy: { state: true },
  };

  #backups = new PagedList(this, (cursor) => listBackups(this.sessionId, cursor));

  constructor() {
    super();
    this.busy = false;
  }

  connectedCallback() {
    super.connectedCallback();
    this.#backups.load();
  }

  async #backUp() {
    this.busy = true;
    try {
      const backup = await createBackup(this.sessionId);
      this.#backups.items = [backup, ...this.#backups.items.filter((known) => known.id !== backup.id)];
      announce(`Backup made: ${this.#contents(backup)}.`);
    } catch (error) {
      announce(`The backup could not be made: ${messageOf(error)}`, { tone: 'error', timeout: 8000 });
    } finally {
      this.busy = false;
    }
  }

  async #restore(backup) {
    const accepted = await askConfirmation({
      title: `Restore the backup of ${formatDateTime(backup.createdAt)}?`,
      lines: [`A new session is made from it (${this.#contents(backup)}); “${this.sessionTitle}” stays as it is.`,
        'Its images are prepared again, which takes a moment.'],
      confirmLabel: 'Restore as a new session',
    });
    if (!accepted) {
      return;
    }
    this.busy = true;
    try {
      const { sessionId } = await restoreBackup(backup.id);
      announce('Backup restored as a new session.');
      navigate(sessionPath(sessionId));
    } catch (error) {
      announce(`The backup could not be restored: ${messageOf(error)}`, { tone: 'error', timeout: 8000 });
    } finally {
      this.busy = false;
    }
  }

  #contents(backup) {
    return [pluralize(backup.rooms, 'room'), pluralize(backup.assets, 'file'), pluralize(backup.documents, 'document'),
      formatBytes(backup.bytes)].join(', ');
  }

  #item(backup) {
    return html`<li class="list-row" data-test="backup-item" data-id=${backup.id}>
      <div class="list-row__text">
        <span class="list-row__title">${formatDateTime(backup.createdAt)}</span>
        <span class="chip">${backup.trigger === 'daily' ? 'Daily' : 'Made by hand'}</span>
        <span class="list-row__meta">${this.#contents(backup)}</span>
      </div>
      <div class="list-row__actions">
        <button class="button button--quiet" type="button" data-test="restore-backup" ?disabled=${this.busy}
          aria-label="Restore the backup of ${formatDateTime(backup.createdAt)} as a new session"
          @click=${() => this.#restore(backup)}>Restore</button>
      </div>
    </li>`;
  }

  #list() {
    return pagedListView(this.#backups, {
      failed: 'The backups could not be loaded', loading: 'Loading backups…', more: 'Load more backups',
      empty: html`<div class="empty"><p class="empty__title">No backups yet.</p>
        <p>A backup is made every day the session changed; the last 30 are kept.</p></div>`,
      items: (items) => html`<ul class="list" aria-label="Backups">${repeat(items, (backup) => backup.id, (backup) => this.#item(backup))}</ul>`,
    });
  }

  render() {
    return html`<section aria-labelledby="backups-heading">
      <div class="section__header">
        <h2 class="section__title" id="backups-heading">Backups</h2>
        <button class="button" type="button" data-test="create-backup" ?disabled=${this.busy} @click=${this.#backUp}>
          ${this.busy ? 'Working…' : 'Back up now'}</button>
      </div>
      ${this.#list()}
    </section>`;
  }
}

customElements.define('backup-panel', BackupPanel);
