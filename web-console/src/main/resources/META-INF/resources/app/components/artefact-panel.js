import { html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { announce } from '../announcer.js';
import { createArtefact, getArtefact, listArtefacts } from '../api.js';
import { readSvgFile } from '../svg-file.js';
import { LightElement } from '../light-element.js';
import { liveEvents } from '../live-events.js';
import { PagedList } from '../paged-list.js';
import { pagedListView } from '../paged-list-view.js';
import { messageOf } from '../problem.js';
import { ARTEFACT_KINDS } from '../vocabulary.js';
import './artefact-item.js';

/**
 * A room's drawings (floor plans, elevations, sketches as SVG), newest changed first, each with its thumbnail,
 * and the form that adds one from an .svg file. Thumbnails are made in the background; artefact.changed and
 * artefact.deleted on the live stream keep the list current.
 */
class ArtefactPanel extends LightElement {
  static properties = {
    sessionId: { type: String },
    roomId: { type: String },
    adding: { state: true },
    busy: { state: true },
    error: { state: true },
    kind: { state: true },
  };

  #artefacts = new PagedList(this, (cursor) => listArtefacts(this.sessionId, { roomId: this.roomId }, cursor));

  constructor() {
    super();
    this.adding = false;
    this.busy = false;
    this.error = '';
    this.kind = 'floorplan';
  }

  connectedCallback() {
    super.connectedCallback();
    this.listen(liveEvents, 'artefact.changed', (data) => {
      if (data?.roomId === this.roomId) {
        this.#refresh(data.artefactId);
      }
    });
    this.listen(liveEvents, 'artefact.deleted', (data) => this.#forget(data?.artefactId));
    this.listen(liveEvents, 'resync', () => this.#artefacts.load());
    this.#artefacts.load();
  }

  /** Reads one drawing again (a new version, a thumbnail made) and shows it first. */
  async #refresh(id) {
    try {
      const artefact = await getArtefact(id);
      this.#artefacts.items = [artefact, ...this.#artefacts.items.filter((known) => known.id !== id)];
    } catch (error) {
      if (error.notFound) {
        this.#forget(id);
      }
    }
  }

  #forget(id) {
    this.#artefacts.items = this.#artefacts.items.filter((known) => known.id !== id);
  }

  async #add(event) {
    event.preventDefault();
    const form = event.target;
    const title = form.elements.title.value.trim();
    const file = form.elements.file.files[0];
    if (!title || !file) {
      this.error = !title ? 'Give the drawing a title.' : 'Choose an SVG file.';
      return;
    }
    this.busy = true;
    this.error = '';
    try {
      const content = await readSvgFile(file);
      const artefact = await createArtefact(this.sessionId, {
        kind: this.kind, roomId: this.roomId, title, content, message: form.elements.message.value.trim() || undefined,
      });
      this.#artefacts.items = [artefact, ...this.#artefacts.items.filter((known) => known.id !== artefact.id)];
      form.reset();
      this.adding = false;
      announce(`“${artefact.title}” added; its preview is being made.`);
    } catch (error) {
      this.error = messageOf(error);
    } finally {
      this.busy = false;
    }
  }

  #form() {
    if (!this.adding) {
      return nothing;
    }
    const id = this.roomId;
    return html`<form class="card card--padded artefact-form" data-test="artefact-form" @submit=${this.#add} novalidate>
      <div class="grid-fields">
        <div class="field">
          <label class="field__label" for="artefact-kind-${id}">Kind</label>
          <select id="artefact-kind-${id}" class="input" name="kind" data-test="artefact-kind"
            @change=${(event) => { this.kind = event.target.value; }}>
            ${ARTEFACT_KINDS.map((kind) => html`<option value=${kind.value} ?selected=${kind.value === this.kind}>${kind.label}</option>`)}
          </select>
        </div>
        <div class="field">
          <label class="field__label" for="artefact-title-${id}">Title</label>
          <input id="artefact-title-${id}" class="input" name="title" type="text" maxlength="200" required
            data-test="artefact-title">
        </div>
      </div>
      <div class="field">
        <label class="field__label" for="artefact-file-${id}">SVG file</label>
        <input id="artefact-file-${id}" class="input" name="file" type="file" accept=".svg,image/svg+xml" required
          data-test="artefact-file">
        <p class="field__hint">From a planning tool or drawn by hand; up to 5 MB. Scripts, links to other files and
          embedded web content are refused.</p>
      </div>
      <div class="field">
        <label class="field__label" for="artefact-message-${id}">What this version is (optional)</label>
        <input id="artefact-message-${id}" class="input" name="message" type="text" maxlength="500"
          data-test="artefact-message" placeholder="First measured plan">
      </div>
      <p class="field-error" role="alert" data-test="artefact-form-error">${this.error}</p>
      <div class="form-actions">
        <button class="button button--primary" type="submit" data-test="artefact-create" ?disabled=${this.busy}>
          ${this.busy ? 'Adding…' : 'Add drawing'}</button>
        <button class="button button--quiet" type="button" @click=${() => { this.adding = false; this.error = ''; }}>Cancel</button>
      </div>
    </form>`;
  }

  #list() {
    return pagedListView(this.#artefacts, {
      failed: 'The drawings could not be loaded', loading: 'Loading drawings…', more: 'Load more drawings',
      empty: html`<div class="empty"><p class="empty__title">No floor plans or drawings yet.</p>
        <p>Add an SVG from a planning tool; every version you save is kept, with who saved it and why.</p></div>`,
      items: (items) => html`<ul class="artefacts" aria-label="Drawings">${repeat(items, (artefact) => artefact.id,
        (artefact) => html`<li><artefact-item .artefact=${artefact}
          @artefact-changed=${(event) => this.#replace(event.detail)}
          @artefact-deleted=${(event) => this.#forget(event.detail.id)}></artefact-item></li>`)}</ul>`,
    });
  }

  #replace(artefact) {
    this.#artefacts.items = this.#artefacts.items.map((known) => (known.id === artefact.id ? artefact : known));
  }

  render() {
    const id = this.roomId;
    return html`<section aria-labelledby="artefacts-heading-${id}">
      <div class="section__header">
        <h2 class="section__title" id="artefacts-heading-${id}">Floor plans and drawings</h2>
        ${this.adding ? nothing : html`<button class="button" type="button" data-test="artefact-add"
          @click=${() => { this.adding = true; this.updateComplete.then(() => this.querySelector(`#artefact-title-${id}`)?.focus()); }}>
          Add a drawing</button>`}
      </div>
      ${this.#form()}
      ${this.#list()}
    </section>`;
  }
}

customElements.define('artefact-panel', ArtefactPanel);
