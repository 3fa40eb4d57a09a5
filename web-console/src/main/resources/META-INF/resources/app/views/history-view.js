import { html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { listAudit } from '../api.js';
import { formatDateTime } from '../format.js';
import { LightElement } from '../light-element.js';
import { PagedList } from '../paged-list.js';
import { messageOf } from '../problem.js';
import { collectionPath, roomPath, sessionPath } from '../router.js';
import { AUDIT_ACTIONS, AUDITED, humanize } from '../vocabulary.js';

/**
 * The change history of one entity (#/history/{entityType}/{id}), from the audit log: what was done, which fields
 * changed from what to what, by whom, from where, when. Values of an erased session's entities are scrubbed:
 * then only the fact of the change shows.
 */

const PAGES = { session: sessionPath, room: roomPath, collection: collectionPath };
const MAX_VALUE = 200;

/** A logged value as text: strings as they are, nothing as a dash, anything else as compact JSON. */
function shown(value) {
  if (value === null || value === undefined || value === '') {
    return '—';
  }
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE)}…` : text;
}

class HistoryView extends LightElement {
  static properties = {
    entityType: { type: String },
    entityId: { type: String },
  };

  #entries = new PagedList(this, (cursor) => listAudit(this.entityType, this.entityId, cursor));

  connectedCallback() {
    super.connectedCallback();
    document.title = `History · ${AUDITED[this.entityType] ?? 'Entity'} · Renovation console`;
    this.#entries.load(null, {
      describe: (error) => (error.notFound ? 'There is no history for this, or it is not yours.' : messageOf(error)),
    });
  }

  #changes(entry) {
    const fields = entry.changedFields ?? [];
    if (fields.length === 0) {
      return nothing;
    }
    const scrubbed = !entry.oldValues && !entry.newValues;
    return html`<table class="audit-changes">
      <caption class="visually-hidden">Fields changed</caption>
      <thead><tr><th scope="col">Field</th>${scrubbed ? nothing : html`<th scope="col">Before</th><th scope="col">After</th>`}</tr></thead>
      <tbody>${fields.map((field) => html`<tr data-test="audit-change" data-field=${field}>
        <th scope="row">${humanize(field)}</th>
        ${scrubbed ? nothing : html`<td class="audit-changes__old">${shown(entry.oldValues?.[field])}</td>
          <td class="audit-changes__new">${shown(entry.newValues?.[field])}</td>`}
      </tr>`)}</tbody>
    </table>`;
  }

  #entry(entry) {
    return html`<li class="audit-entry" data-test="audit-entry" data-action=${entry.action}>
      <p class="audit-entry__head">
        <span class="badge badge--audit-${entry.action}">${AUDIT_ACTIONS[entry.action] ?? humanize(entry.action)}</span>
        <time datetime=${entry.at}>${formatDateTime(entry.at)}</time>
        <span>by <strong data-test="audit-actor">${entry.actor || 'the platform'}</strong></span>
      </p>
      ${this.#changes(entry)}
      ${entry.ip || entry.userAgent ? html`<p class="audit-entry__origin">${[entry.ip, entry.userAgent].filter(Boolean).join(' · ')}</p>` : nothing}
    </li>`;
  }

  render() {
    const { items, nextCursor, loading, error } = this.#entries;
    const what = AUDITED[this.entityType] ?? humanize(this.entityType);
    const page = PAGES[this.entityType];
    return html`<section class="page">
      ${page ? html`<nav class="breadcrumbs" aria-label="Breadcrumb">
          <a href="#${page(this.entityId)}">${what}</a><span aria-hidden="true">/</span><span aria-current="page">History</span>
        </nav>`
        : html`<p><button class="button button--quiet" type="button" @click=${() => history.back()}>Back</button></p>`}
      <header class="page__header"><div>
        <h1 class="page__title">History of this ${what.toLowerCase()}</h1>
        <p class="page__lead">Every change, who made it and when.</p>
      </div></header>
      <section class="section" aria-busy=${loading ? 'true' : 'false'}>
        ${error && items.length === 0 ? html`<div class="empty" role="alert"><p>${error}</p>
          <button class="button" type="button" @click=${() => this.#entries.load()}>Try again</button></div>` : nothing}
        ${loading && items.length === 0 ? html`<p class="loading">Loading the history…</p>` : nothing}
        ${!loading && !error && items.length === 0 ? html`<div class="empty"><p class="empty__title">No changes are recorded.</p></div>` : nothing}
        ${items.length ? html`<ol class="audit-log" aria-label="Changes">${repeat(items, (entry) => entry.id, (entry) => this.#entry(entry))}</ol>` : nothing}
        ${error && items.length ? html`<p class="field-error" role="alert">${error}</p>` : nothing}
        ${nextCursor ? html`<button class="button load-more" type="button" ?disabled=${loading}
          @click=${() => this.#entries.load(nextCursor)}>${loading ? 'Loading…' : 'Load more changes'}</button>` : nothing}
      </section>
    </section>`;
  }
}

customElements.define('history-view', HistoryView);
