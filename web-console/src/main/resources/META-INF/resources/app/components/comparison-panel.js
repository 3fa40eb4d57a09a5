import { html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { announce } from '../announcer.js';
import { createComparison, deleteComparison, listComparisons } from '../api.js';
import { LightElement } from '../light-element.js';
import { liveEvents } from '../live-events.js';
import { messageOf } from '../problem.js';
import { assetTypeLabel } from '../vocabulary.js';
import { askConfirmation } from './confirm-dialog.js';
import './comparison-slider.js';

/** The room's before/after comparisons: create one from two of its images, view each with a slider. */

const COMPARABLE_TYPES = new Set(['photo', 'render']);
const CONFIRMED = new Set(['uploaded', 'processing', 'ready']);

class ComparisonPanel extends LightElement {
  static properties = {
    roomId: { type: String },
    store: { attribute: false },
    assets: { attribute: false },
    comparisons: { state: true },
    loading: { state: true },
    loadError: { state: true },
    before: { state: true },
    after: { state: true },
    creating: { state: true },
    createError: { state: true },
  };

  constructor() {
    super();
    this.assets = [];
    this.comparisons = [];
    this.loading = true;
    this.loadError = '';
    this.before = '';
    this.after = '';
    this.creating = false;
    this.createError = '';
  }

  connectedCallback() {
    super.connectedCallback();
    // a deleted image takes its comparisons with it
    this.listen(liveEvents, 'asset.deleted', ({ roomId }) => roomId === this.roomId && this.#load());
    this.listen(liveEvents, 'resync', () => this.#load());
    this.#load();
  }

  async #load() {
    try {
      const { items } = await listComparisons(this.roomId);
      this.comparisons = items;
      this.loadError = '';
    } catch (error) {
      this.loadError = messageOf(error);
    } finally {
      this.loading = false;
    }
  }

  #candidates() {
    return this.assets.filter((asset) => COMPARABLE_TYPES.has(asset.assetType) && CONFIRMED.has(asset.status));
  }

  /** Keeps the chosen images while they exist; otherwise proposes the first two in display order. */
  willUpdate() {
    const ids = this.#candidates().map((asset) => asset.id);
    if (!ids.includes(this.before)) {
      this.before = ids.find((id) => id !== this.after) ?? '';
    }
    if (!ids.includes(this.after) || this.after === this.before) {
      this.after = ids.find((id) => id !== this.before) ?? '';
    }
  }

  async #create(event) {
    event.preventDefault();
    if (!this.before || !this.after) {
      this.createError = 'Choose a before and an after image.';
      return;
    }
    if (this.before === this.after) {
      this.createError = 'Choose two different images.';
      return;
    }
    const form = event.target;
    const title = form.querySelector('#comparison-title').value.trim();
    const description = form.querySelector('#comparison-description').value.trim();
    this.creating = true;
    this.createError = '';
    try {
      const comparison = await createComparison(this.roomId, {
        beforeAssetId: this.before,
        afterAssetId: this.after,
        title: title || undefined,
        description: description || undefined,
      });
      this.comparisons = [...this.comparisons.filter((known) => known.id !== comparison.id), comparison];
      form.querySelector('#comparison-title').value = '';
      form.querySelector('#comparison-description').value = '';
      announce('Comparison created.');
    } catch (error) {
      this.createError = messageOf(error);
    } finally {
      this.creating = false;
    }
  }

  async #delete(comparison) {
    const accepted = await askConfirmation({
      title: `Delete the comparison${comparison.title ? ` “${comparison.title}”` : ''}?`,
      lines: ['Only the comparison goes; both images stay in the room.'],
      confirmLabel: 'Delete comparison',
    });
    if (!accepted) {
      return;
    }
    try {
      await deleteComparison(this.roomId, comparison.id);
      this.comparisons = this.comparisons.filter((known) => known.id !== comparison.id);
      announce('Comparison deleted.');
    } catch (error) {
      announce(`The comparison could not be deleted: ${messageOf(error)}`, { tone: 'error', timeout: 8000 });
    }
  }

  #options(selected) {
    return this.#candidates().map((asset) => html`<option value=${asset.id} ?selected=${asset.id === selected}>
      ${asset.caption || asset.originalFilename} (${assetTypeLabel(asset.assetType)})</option>`);
  }

  #form() {
    const enough = this.#candidates().length >= 2;
    return html`<form class="card card--padded comparison-form" @submit=${this.#create} novalidate>
      ${enough ? nothing : html`<p class="field__hint">Upload at least two photos (or a photo and a render) of this room to compare them.</p>`}
      <div class="grid-fields">
        <div class="field">
          <label class="field__label" for="comparison-before">Before</label>
          <select id="comparison-before" class="input" data-test="comparison-before" ?disabled=${!enough || this.creating}
            @change=${(event) => { this.before = event.target.value; }}>${this.#options(this.before)}</select>
        </div>
        <div class="field">
          <label class="field__label" for="comparison-after">After</label>
          <select id="comparison-after" class="input" data-test="comparison-after" ?disabled=${!enough || this.creating}
            @change=${(event) => { this.after = event.target.value; }}>${this.#options(this.after)}</select>
        </div>
        <div class="field field--wide">
          <label class="field__label" for="comparison-title">Title <span class="optional">(optional)</span></label>
          <input id="comparison-title" class="input" type="text" maxlength="200" placeholder="e.g. Worktop and splashback">
        </div>
        <div class="field field--wide">
          <label class="field__label" for="comparison-description">Description <span class="optional">(optional)</span></label>
          <textarea id="comparison-description" class="input" rows="2" maxlength="2000"></textarea>
        </div>
      </div>
      <p class="field-error" role="alert">${this.createError}</p>
      <button class="button button--primary" type="submit" data-test="create-comparison" ?disabled=${!enough || this.creating}>
        ${this.creating ? 'Creating…' : 'Create comparison'}</button>
    </form>`;
  }

  #list() {
    if (this.loading) {
      return html`<p class="loading" aria-busy="true">Loading comparisons…</p>`;
    }
    if (this.loadError) {
      return html`<div class="empty" role="alert"><p>The comparisons could not be loaded: ${this.loadError}</p>
        <button class="button" type="button" @click=${() => this.#load()}>Try again</button></div>`;
    }
    if (this.comparisons.length === 0) {
      return html`<div class="empty"><p class="empty__title">No comparisons yet — pair a before and an after above.</p></div>`;
    }
    return html`<ul class="comparisons">${repeat(this.comparisons, (comparison) => comparison.id, (comparison) => html`
      <li class="card comparison" data-test="comparison-item" data-comparison-id=${comparison.id}>
        <div class="comparison__header">
          <h3 class="comparison__title">${comparison.title || 'Before and after'}</h3>
          <button class="button button--quiet button--danger-text" type="button"
            aria-label="Delete the comparison ${comparison.title ?? ''}" @click=${() => this.#delete(comparison)}>Delete</button>
        </div>
        ${comparison.description ? html`<p class="comparison__description">${comparison.description}</p>` : nothing}
        <comparison-slider .before=${this.store.get(comparison.beforeAssetId) ?? null}
          .after=${this.store.get(comparison.afterAssetId) ?? null} label=${comparison.title || 'before and after'}></comparison-slider>
      </li>`)}</ul>`;
  }

  render() {
    return html`${this.#form()}${this.#list()}`;
  }
}

customElements.define('comparison-panel', ComparisonPanel);
