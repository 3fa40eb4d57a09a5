import { html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { announce } from '../announcer.js';
import { documentContent, documentVersions, getDocument, listDocuments, restoreDocument } from '../api.js';
import { formatBytes, formatDateTime, pluralize } from '../format.js';
import { LightElement } from '../light-element.js';
import { liveEvents } from '../live-events.js';
import { PagedList } from '../paged-list.js';
import { pagedListView } from '../paged-list-view.js';
import { messageOf } from '../problem.js';
import { statusBadge } from '../status-badge.js';
import { DOCUMENT_PHASES, DOCUMENT_TYPES, documentTypeOf, GENERATED_BY, humanize } from '../vocabulary.js';
import './document-request-form.js';

/**
 * A session's documents (in a room: that room's), newest first, filtered by type and phase, with the request
 * form. Statuses change live (document.ready / document.failed); a ready document offers its PDF, and every
 * document its versions.
 */
class DocumentPanel extends LightElement {
  static properties = {
    sessionId: { type: String },
    roomId: { type: String },
    placeName: { type: String },
    versions: { state: true },
    contents: { state: true },
    restoring: { state: true },
    typeFilter: { state: true },
    phaseFilter: { state: true },
  };

  // a session's pages hold every room's documents: a room's panel keeps its own
  #documents = new PagedList(this, async (cursor) => {
    const page = await listDocuments(this.sessionId, cursor, undefined, { type: this.typeFilter, phase: this.phaseFilter });
    return { ...page, items: page.items.filter((doc) => this.#mine(doc)) };
  });

  constructor() {
    super();
    this.roomId = null;
    this.placeName = '';
    this.versions = {}; // document id → {loading, items, error} while its versions are shown
    this.contents = {}; // version id → {loading, text, error} while its content is shown
    this.restoring = null; // {id, version, busy, error} while a version's restore form is open
    this.typeFilter = '';
    this.phaseFilter = '';
  }

  connectedCallback() {
    super.connectedCallback();
    const changed = (data) => {
      if (data?.sessionId !== this.sessionId || !this.#mine(data)) {
        return;
      }
      // the status shows at once; the document is read again for its download link
      this.#documents.items = this.#documents.items.map((doc) => (doc.id === data.documentId
        ? { ...doc, status: data.status, error: data.error, pageCount: data.pageCount } : doc));
      this.#refresh(data.documentId);
    };
    this.listen(liveEvents, 'document.ready', changed);
    this.listen(liveEvents, 'document.failed', changed);
    this.listen(liveEvents, 'resync', () => this.#load());
    this.#load();
  }

  /** In this panel: its room's (a session's panel shows every room's), and matching the filters. */
  #mine(doc) {
    return (!this.roomId || doc.roomId === this.roomId) && (!this.typeFilter || doc.documentType === this.typeFilter)
      && (!this.phaseFilter || doc.phase === this.phaseFilter);
  }

  #filter(name, value) {
    this[name] = value;
    this.#load();
  }

  #load(cursor = null) {
    // the version lists that are open are read again with the documents
    this.#documents.load(cursor, { onShown: () => Object.keys(this.versions).forEach((id) => this.#loadVersions(id)) });
  }

  /** Reads one document again (for its download URL) and shows it, newest first. */
  async #refresh(id) {
    let doc;
    try {
      doc = await getDocument(id);
    } catch (error) {
      if (error.notFound) {
        this.#documents.items = this.#documents.items.filter((known) => known.id !== id);
      }
      return;
    }
    if (!this.#mine(doc)) {
      return;
    }
    const documents = this.#documents.items;
    const known = documents.some((candidate) => candidate.id === id);
    const sameLineage = (other) => other.roomId === doc.roomId && other.documentType === doc.documentType;
    this.#documents.items = known
      ? documents.map((candidate) => (candidate.id === id ? doc : candidate))
      : [doc, ...documents.map((other) => (doc.current && sameLineage(other) ? { ...other, current: false } : other))];
    const lineage = this.#documents.items.filter(sameLineage).map((other) => other.id);
    lineage.filter((other) => this.versions[other]).forEach((other) => this.#loadVersions(other));
  }

  #requested(event) {
    this.#refresh(event.detail.id);
  }

  async #toggleVersions(id) {
    if (this.versions[id]) {
      const { [id]: _closed, ...rest } = this.versions;
      this.versions = rest;
      return;
    }
    this.#loadVersions(id);
  }

  async #loadVersions(id) {
    this.versions = { ...this.versions, [id]: { loading: true, items: this.versions[id]?.items ?? [], error: '' } };
    try {
      const { items } = await documentVersions(id);
      if (this.versions[id]) {
        this.versions = { ...this.versions, [id]: { loading: false, items, error: '' } };
      }
    } catch (error) {
      if (this.versions[id]) {
        this.versions = { ...this.versions, [id]: { loading: false, items: [], error: messageOf(error) } };
      }
    }
  }

  /** Signed links expire: an old one is renewed instead of opening an error page. */
  #download(event, doc) {
    if (doc.downloadUrlExpiresAt && Date.parse(doc.downloadUrlExpiresAt) - 10_000 < Date.now()) {
      event.preventDefault();
      this.#refresh(doc.id).then(() => announce('The download link was renewed; choose Download again.'));
    }
  }

  #downloadLink(doc, { test = true, label = 'Download PDF' } = {}) {
    if (doc.status !== 'ready' || !doc.downloadUrl) {
      return nothing;
    }
    return html`<a class="button ${test ? 'button--primary' : 'button--quiet'}" href=${doc.downloadUrl} target="_blank"
        rel="noopener" data-test=${test ? 'document-download' : 'document-version-download'} @click=${(event) => this.#download(event, doc)}>
      ${label}<span class="visually-hidden">: ${doc.title}, version ${doc.version}</span></a>`;
  }

  async #toggleContent(version) {
    if (this.contents[version.id]) {
      const { [version.id]: _closed, ...rest } = this.contents;
      this.contents = rest;
      return;
    }
    this.contents = { ...this.contents, [version.id]: { loading: true, text: '', error: '' } };
    try {
      const { content } = await documentContent(version.id);
      this.contents = { ...this.contents, [version.id]: { loading: false, text: JSON.stringify(content, null, 2), error: '' } };
    } catch (error) {
      this.contents = { ...this.contents, [version.id]: { loading: false, text: '', error: messageOf(error) } };
    }
  }

  /** Restores a version as the lineage's next one (the others stay); it is rendered again like a request. */
  async #restore(event, doc, version) {
    event.preventDefault();
    const message = event.target.elements.message.value.trim();
    this.restoring = { ...this.restoring, busy: true, error: '' };
    try {
      const accepted = await restoreDocument(version.id, version.version, message);
      this.restoring = null;
      announce(`Version ${version.version} restored as version ${accepted.version}; it is being made.`);
      await this.#refresh(accepted.id);
      this.#loadVersions(doc.id);
    } catch (error) {
      this.restoring = { ...this.restoring, busy: false, error: messageOf(error) };
    }
  }

  #restoreForm(doc, version) {
    const state = this.restoring;
    if (state?.id !== version.id) {
      return nothing;
    }
    return html`<form class="inline-form document__restore" data-test="document-restore-form"
        @submit=${(event) => this.#restore(event, doc, version)}>
      <label class="field__label" for="restore-message-${version.id}">Why restore version ${version.version}?
        <span class="optional">(optional)</span></label>
      <input id="restore-message-${version.id}" class="input" name="message" type="text" maxlength="500"
        data-test="document-restore-message">
      <button class="button button--primary" type="submit" data-test="document-restore-confirm" ?disabled=${state.busy}>
        ${state.busy ? 'Restoring…' : `Restore as version ${doc.version + 1}`}</button>
      <button class="button button--quiet" type="button" @click=${() => { this.restoring = null; }}>Cancel</button>
      <p class="field-error" role="alert">${state.error}</p>
    </form>`;
  }

  #versionItem(doc, version) {
    const content = this.contents[version.id];
    const about = [version.author ? `by ${version.author}` : '',
      version.restoredFromVersion ? `restored from version ${version.restoredFromVersion}` : ''].filter(Boolean).join(' · ');
    return html`<li class="versions__item" data-test="document-version" data-version=${version.version}>
      <span class="versions__label">Version ${version.version}${version.current ? ' (current)' : ''}</span>
      ${statusBadge(version.status, { kind: 'document' })}
      <span class="versions__date">${formatDateTime(version.createdAt)}${about ? ` · ${about}` : ''}</span>
      ${version.message ? html`<span class="versions__message" data-test="document-version-message">“${version.message}”</span>` : nothing}
      <span class="versions__buttons">
        <button class="button button--quiet" type="button" data-test="document-version-content"
          aria-expanded=${content ? 'true' : 'false'} @click=${() => this.#toggleContent(version)}>
          ${content ? 'Hide content' : 'Content'}<span class="visually-hidden"> of version ${version.version}</span></button>
        ${version.current ? nothing : html`<button class="button button--quiet" type="button" data-test="document-restore"
          @click=${() => { this.restoring = { id: version.id, busy: false, error: '' }; }}>Restore<span
          class="visually-hidden"> version ${version.version}</span></button>`}
        ${this.#downloadLink(version, { test: false, label: 'Download' })}
      </span>
      ${content ? html`<pre class="document__content" data-test="document-content">${content.loading ? 'Loading…'
        : content.error || content.text}</pre>` : nothing}
      ${this.#restoreForm(doc, version)}
    </li>`;
  }

  #versionList(doc) {
    const state = this.versions[doc.id];
    if (!state) {
      return nothing;
    }
    return html`<div class="document__versions" id="versions-${doc.id}">
      ${state.error ? html`<p class="field-error" role="alert">${state.error}</p>` : nothing}
      ${state.loading && state.items.length === 0 ? html`<p class="loading">Loading versions…</p>` : html`
        <ol class="versions" aria-label="Versions of ${doc.title}">
          ${state.items.map((version) => this.#versionItem(doc, version))}
        </ol>`}
    </div>`;
  }

  #item(doc) {
    const type = documentTypeOf(doc.documentType);
    const open = !!this.versions[doc.id];
    const details = [
      type.label,
      doc.phase ? `phase ${humanize(doc.phase.toLowerCase())}` : '',
      `version ${doc.version}`,
      doc.generatedBy === 'ai' ? 'written by AI' : doc.generatedBy === 'admin' ? `by ${GENERATED_BY.admin.toLowerCase()}` : '',
      `requested ${formatDateTime(doc.createdAt)}`,
      doc.pageCount ? pluralize(doc.pageCount, 'page') : '',
      doc.fileSize ? formatBytes(doc.fileSize) : '',
    ].filter(Boolean).join(' · ');
    return html`<li class="document" data-test="document-item" data-status=${doc.status} data-document-id=${doc.id}>
      <div class="document__main">
        <span class="document__icon" aria-hidden="true">PDF</span>
        <div class="document__text">
          <h3 class="document__title">${doc.title}</h3>
          <p class="document__meta">${details}${doc.current ? '' : ' · a newer version exists'}</p>
          ${doc.generationPrompt ? html`<details class="document__prompt"><summary>The prompt</summary><p>${doc.generationPrompt}</p></details>` : nothing}
          ${doc.status === 'failed' ? html`<p class="document__error">It could not be made: ${doc.error || 'no reason was given'}</p>` : nothing}
          ${doc.status === 'pending' || doc.status === 'rendering'
            ? html`<p class="field__hint">Being made — this page updates by itself.</p>` : nothing}
        </div>
        ${statusBadge(doc.status, { kind: 'document', test: 'document-status' })}
      </div>
      <div class="document__actions">
        ${this.#downloadLink(doc)}
        <button class="button button--quiet" type="button" aria-expanded=${open ? 'true' : 'false'}
          aria-controls="versions-${doc.id}" @click=${() => this.#toggleVersions(doc.id)}>
          ${open ? 'Hide versions' : 'Versions'}<span class="visually-hidden"> of ${doc.title}</span></button>
      </div>
      ${this.#versionList(doc)}
    </li>`;
  }

  #list() {
    return pagedListView(this.#documents, {
      failed: 'The documents could not be loaded', loading: 'Loading documents…', more: 'Load more documents',
      empty: this.typeFilter || this.phaseFilter
        ? html`<div class="empty"><p class="empty__title">No document matches these filters.</p></div>`
        : html`<div class="empty"><p class="empty__title">No documents yet — request the first one above.</p>
          <p>Documents are made as PDFs in the background; they appear here with a download link when ready.</p></div>`,
      items: (documents) => html`<ul class="documents">${repeat(documents, (doc) => doc.id, (doc) => this.#item(doc))}</ul>`,
      reload: () => this.#load(),
      loadMore: (cursor) => this.#load(cursor),
    });
  }

  #filters() {
    const id = this.roomId ?? this.sessionId;
    return html`<div class="filters" role="group" aria-label="Filter the documents">
      <div class="field field--compact">
        <label class="field__label" for="documents-type-${id}">Type</label>
        <select id="documents-type-${id}" class="input" data-test="documents-type"
          @change=${(event) => this.#filter('typeFilter', event.target.value)}>
          <option value="">Any type</option>
          ${DOCUMENT_TYPES.map((type) => html`<option value=${type.apiValue}>${type.label}</option>`)}
        </select>
      </div>
      <div class="field field--compact">
        <label class="field__label" for="documents-phase-${id}">Phase</label>
        <select id="documents-phase-${id}" class="input" data-test="documents-phase"
          @change=${(event) => this.#filter('phaseFilter', event.target.value)}>
          <option value="">Any phase</option>
          ${DOCUMENT_PHASES.map((phase) => html`<option value=${phase}>${humanize(phase.toLowerCase())}</option>`)}
        </select>
      </div>
    </div>`;
  }

  render() {
    return html`<section aria-labelledby="documents-heading-${this.roomId ?? this.sessionId}">
      <h2 class="section__title" id="documents-heading-${this.roomId ?? this.sessionId}">Documents</h2>
      <document-request-form .sessionId=${this.sessionId} .roomId=${this.roomId} .placeName=${this.placeName}
        @document-requested=${this.#requested}></document-request-form>
      ${this.#filters()}
      ${this.#list()}
    </section>`;
  }
}

customElements.define('document-panel', DocumentPanel);
