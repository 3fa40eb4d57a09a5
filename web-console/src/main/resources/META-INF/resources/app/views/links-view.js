import { html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { announce } from '../announcer.js';
import { listLinks, revokeLink } from '../api.js';
import { askConfirmation } from '../components/confirm-dialog.js';
import { formatDateTime, formatRelative, pluralize } from '../format.js';
import { LightElement } from '../light-element.js';
import { liveEvents } from '../live-events.js';
import { PagedList } from '../paged-list.js';
import { pagedListView } from '../paged-list-view.js';
import { messageOf } from '../problem.js';
import { collectionPath, historyPath } from '../router.js';
import { LINK_STATUS, linkKindOf } from '../vocabulary.js';

/**
 * The user's share and download links, newest first: what each gives, whether it still works, how often it was
 * used and when last. Their addresses were shown once, when made, and are not kept; revoking stops one for good.
 */
class LinksView extends LightElement {
  static properties = { busyId: { state: true } };

  #links = new PagedList(this, (cursor) => listLinks(cursor));

  constructor() {
    super();
    this.busyId = null;
  }

  connectedCallback() {
    super.connectedCallback();
    document.title = 'Links · Renovation console';
    this.listen(liveEvents, 'resync', () => this.#links.load());
    this.#links.load();
  }

  async #revoke(link) {
    const { noun } = linkKindOf(link.kind);
    const accepted = await askConfirmation({
      title: `Revoke this ${noun}?`,
      lines: ['Whoever has its address can no longer use it. This cannot be undone.'],
      confirmLabel: 'Revoke link',
    });
    if (!accepted) {
      return;
    }
    this.busyId = link.id;
    try {
      await revokeLink(link.id);
      this.#links.items = this.#links.items.map((known) => (known.id === link.id ? { ...known, status: 'revoked' } : known));
      announce(`The ${noun} is revoked.`);
    } catch (error) {
      announce(`The link could not be revoked: ${messageOf(error)}`, { tone: 'error', timeout: 8000 });
    } finally {
      this.busyId = null;
    }
  }

  #target(link) {
    if (link.collectionId) {
      return html`<a href="#${collectionPath(link.collectionId)}">a collection</a>`;
    }
    return pluralize(link.assetIds?.length ?? 0, 'file');
  }

  #item(link) {
    const kind = linkKindOf(link.kind);
    const active = link.status === 'active';
    return html`<li class="list-row link-row" data-test="link-item" data-id=${link.id} data-status=${link.status}>
      <div class="link-row__main">
        <p class="list-row__title">${kind.label} of ${this.#target(link)}
          <span class="badge badge--link-${link.status}" data-test="link-status">${LINK_STATUS[link.status] ?? link.status}</span></p>
        <dl class="link-row__facts">
          <div><dt>Used</dt><dd data-test="link-downloads">${link.downloads} of ${link.maxDownloads}</dd></div>
          <div><dt>Last used</dt><dd>${link.lastAccessedAt ? html`<time datetime=${link.lastAccessedAt}
            title=${formatDateTime(link.lastAccessedAt)}>${formatRelative(link.lastAccessedAt)}</time>` : 'Never'}</dd></div>
          <div><dt>${active ? 'Expires' : 'Expiry'}</dt><dd><time datetime=${link.expiresAt}>${formatDateTime(link.expiresAt)}</time></dd></div>
          <div><dt>Made</dt><dd><time datetime=${link.createdAt}>${formatDateTime(link.createdAt)}</time></dd></div>
        </dl>
      </div>
      <div class="list-row__actions">
        <a class="button button--quiet" href="#${historyPath('link', link.id)}" aria-label="History of this ${kind.noun}">History</a>
        ${active ? html`<button class="button button--quiet button--danger-text" type="button" data-test="revoke-link"
          ?disabled=${this.busyId === link.id} aria-label="Revoke this ${kind.noun} made ${formatDateTime(link.createdAt)}"
          @click=${() => this.#revoke(link)}>Revoke</button>` : nothing}
      </div>
    </li>`;
  }

  #list() {
    return pagedListView(this.#links, {
      failed: 'Your links could not be loaded', loading: 'Loading your links…', more: 'Load more links',
      empty: html`<div class="empty"><p class="empty__title">No links yet.</p>
        <p>Make one from a room (“Share or download”) or from one of your collections.</p></div>`,
      items: (items) => html`<ul class="list" aria-label="Links">${repeat(items, (link) => link.id, (link) => this.#item(link))}</ul>`,
    });
  }

  render() {
    return html`<section class="page">
      <header class="page__header"><div>
        <h1 class="page__title">Links</h1>
        <p class="page__lead">Download and share links you made. Each address was shown once, when it was made.</p>
      </div>
      <div class="page__actions"><button class="button" type="button" data-test="refresh-links"
        @click=${() => this.#links.load()}>Refresh</button></div></header>
      <section class="section" aria-label="Your links" aria-busy=${this.#links.loading ? 'true' : 'false'}>${this.#list()}</section>
    </section>`;
  }
}

customElements.define('links-view', LinksView);
