import { html, nothing } from 'lit';
import { announce } from '../announcer.js';
import { saveToLibrary } from '../api.js';
import { formatBytes, formatDateTime } from '../format.js';
import { LightElement } from '../light-element.js';
import { altTextOf, hasPicture, picture } from '../pictures.js';
import { messageOf } from '../problem.js';
import { historyPath } from '../router.js';
import { statusBadge } from '../status-badge.js';
import { formatDuration, isVideo, videoProgress } from '../videos.js';
import { assetTypeLabel, humanize } from '../vocabulary.js';
import { askConfirmation } from './confirm-dialog.js';
import './render-review.js';

/**
 * One asset of the gallery: its thumbnail (or why there is none yet), live status, editable caption and alt
 * text (saved on Enter or when the field is left), AI render details and review, moving, saving to the library, its
 * history and deleting. Fires 'asset-open' to show the large view.
 */

// the render fields asset-service knows (MetadataRules), in the order people read them
const RENDER_FIELDS = [
  ['prompt', 'Prompt'], ['negativePrompt', 'Negative prompt'], ['modelVersion', 'Model'], ['seed', 'Seed'],
  ['steps', 'Steps'], ['guidanceScale', 'Guidance scale'], ['styleApplied', 'Style'], ['renderType', 'Render type'],
];
const ENUM_FIELDS = new Set(['renderType']); // "user_edited" reads as "User edited"
const EDITABLE = { caption: 'Caption', altText: 'Alt text' };

class AssetCard extends LightElement {
  static properties = {
    asset: { attribute: false },
    index: { type: Number },
    count: { type: Number },
    store: { attribute: false },
    errors: { state: true },
    busy: { state: true },
  };

  #lastImageRefresh = 0;
  #saving = {}; // field → value being saved: Enter then leaving the field saves once

  constructor() {
    super();
    this.errors = {};
    this.busy = false;
  }

  async #save(field, input) {
    const value = input.value.trim();
    if (value === (this.asset[field] ?? '') || this.#saving[field] === value) {
      return;
    }
    this.#saving[field] = value;
    this.errors = { ...this.errors, [field]: '' };
    try {
      await this.store.patch(this.asset.id, { [field]: value }); // "" clears it
      announce(`${EDITABLE[field]} saved.`);
    } catch (error) {
      this.errors = { ...this.errors, [field]: messageOf(error) };
    } finally {
      delete this.#saving[field];
    }
  }

  #keydown(field, event) {
    if (event.key === 'Enter') {
      event.preventDefault();
      this.#save(field, event.target);
    } else if (event.key === 'Escape') {
      event.target.value = this.asset[field] ?? '';
      this.errors = { ...this.errors, [field]: '' };
    }
  }

  async #move(delta, event) {
    const button = event.currentTarget;
    if (button.getAttribute('aria-disabled') === 'true') {
      return;
    }
    const name = this.asset.originalFilename;
    const moving = this.store.move(this.asset.id, delta);
    // the card has moved in the page, which drops focus: give it back to the same button
    requestAnimationFrame(() => this.querySelector(`[data-move="${delta < 0 ? 'earlier' : 'later'}"]`)?.focus());
    try {
      const position = await moving;
      if (position != null) {
        announce(`${name} moved to position ${position + 1} of ${this.count}.`);
      }
    } catch (error) {
      announce(`The order could not be saved: ${messageOf(error)}`, { tone: 'error', timeout: 8000 });
    }
  }

  async #saveToLibrary() {
    const name = this.asset.originalFilename;
    this.busy = true;
    try {
      await saveToLibrary(this.asset.id); // a second save answers the same item
      announce(`${name} is in your library.`);
    } catch (error) {
      announce(`${name} could not be saved to your library: ${messageOf(error)}`, { tone: 'error', timeout: 8000 });
    } finally {
      this.busy = false;
    }
  }

  async #delete() {
    const name = this.asset.originalFilename;
    const accepted = await askConfirmation({
      title: `Delete “${name}”?`,
      lines: ['The file and every size made of it are erased for good, with the comparisons that use it.'],
      confirmLabel: 'Delete file',
    });
    if (!accepted) {
      return;
    }
    this.busy = true;
    try {
      await this.store.delete(this.asset.id);
      announce(`${name} deleted.`);
    } catch (error) {
      this.busy = false;
      announce(`${name} could not be deleted: ${messageOf(error)}`, { tone: 'error', timeout: 8000 });
    }
  }

  /** Signed URLs expire: when an image stops loading, read the asset again (at most once a minute). */
  #imageFailed() {
    if (Date.now() - this.#lastImageRefresh > 60_000) {
      this.#lastImageRefresh = Date.now();
      this.store.refresh(this.asset.id);
    }
  }

  #open() {
    this.dispatchEvent(new CustomEvent('asset-open', { detail: { id: this.asset.id }, bubbles: true }));
  }

  #media() {
    const asset = this.asset;
    const video = isVideo(asset);
    if (hasPicture(asset.variants, 'thumbnail')) {
      return html`<button class="asset-card__open" type="button" @click=${this.#open}
          aria-label="${video ? 'Play' : 'View larger'}: ${altTextOf(asset)}">
        ${picture(asset.variants, 'thumbnail', altTextOf(asset), { className: 'asset-card__picture', onError: () => this.#imageFailed() })}
        ${video ? html`<span class="asset-card__play" aria-hidden="true">▶</span>` : nothing}
      </button>`;
    }
    const isPdf = asset.contentType === 'application/pdf';
    let text = 'Preparing the preview…';
    if (asset.status === 'failed') {
      text = 'No preview';
    } else if (isPdf) {
      text = 'PDF document';
    } else if (asset.status === 'pending') {
      text = 'Waiting for the upload';
    } else if (video) {
      text = 'Reading the video…';
    }
    return html`<div class="asset-card__placeholder ${asset.status === 'failed' ? 'asset-card__placeholder--failed' : ''}">
      <span class="asset-card__placeholder-icon" aria-hidden="true">${isPdf ? 'PDF' : video ? '▶' : '◌'}</span>
      <span>${text}</span>
    </div>`;
  }

  #field(field) {
    const id = `asset-${this.asset.id}-${field}`;
    const error = this.errors[field];
    return html`<div class="field field--compact">
      <label class="field__label" for=${id}>${EDITABLE[field]}</label>
      <input id=${id} class="input" type="text" maxlength="2000" .value=${this.asset[field] ?? ''}
        data-test=${field === 'caption' ? 'asset-caption' : 'asset-alt-text'}
        placeholder=${field === 'caption' ? 'Say what this shows' : 'Describe it for people who cannot see it'}
        aria-invalid=${error ? 'true' : 'false'} aria-describedby="${id}-error"
        @keydown=${(event) => this.#keydown(field, event)} @blur=${(event) => this.#save(field, event.target)}>
      <p id="${id}-error" class="field-error" role="alert">${error ?? ''}</p>
    </div>`;
  }

  #renderDetails() {
    const metadata = this.asset.metadata ?? {};
    const rows = RENDER_FIELDS.filter(([key]) => metadata[key] != null && metadata[key] !== '');
    if (rows.length === 0 && this.asset.source !== 'ai_generated' && this.asset.assetType !== 'render') {
      return nothing;
    }
    return html`<div class="render-meta">
      <p class="render-meta__title">${this.asset.source === 'ai_generated' ? 'AI render' : 'Render details'}</p>
      ${rows.length ? html`<dl class="render-meta__list">
        ${rows.map(([key, label]) => html`<div><dt>${label}</dt><dd>${ENUM_FIELDS.has(key) ? humanize(metadata[key])
          : String(metadata[key])}</dd></div>`)}
      </dl>` : html`<p class="field__hint">No prompt, model or seed was given.</p>`}
      ${this.asset.assetType === 'render' && this.asset.status !== 'pending'
        ? html`<render-review .asset=${this.asset} .store=${this.store}></render-review>` : nothing}
    </div>`;
  }

  render() {
    const asset = this.asset;
    const name = asset.originalFilename;
    const size = [asset.width && asset.height ? `${asset.width} × ${asset.height}` : '',
      formatDuration(asset.durationSeconds), formatBytes(asset.fileSize)].filter(Boolean).join(' · ');
    const first = this.index === 0;
    const last = this.index === this.count - 1;
    return html`<article class="asset-card" data-test="asset-card" data-asset-id=${asset.id} data-status=${asset.status}
        aria-labelledby="asset-${asset.id}-name" aria-busy=${this.busy ? 'true' : 'false'}>
      <div class="asset-card__media">
        ${this.#media()}
        <span class="asset-card__badge">${statusBadge(asset.status, { test: 'asset-status' })}</span>
      </div>
      <div class="asset-card__body">
        <h3 class="asset-card__name" id="asset-${asset.id}-name">${name}</h3>
        <p class="asset-card__meta"><span class="chip">${assetTypeLabel(asset.assetType)}</span> ${size}
          ${asset.source === 'ai_restored' ? html`<span class="chip">Restored</span>` : nothing}</p>
        ${asset.expiresAt ? html`<p class="asset-card__temporary" data-test="asset-temporary">For an order: erased
          <time datetime=${asset.expiresAt}>${formatDateTime(asset.expiresAt)}</time> unless it is paid.</p>` : nothing}
        ${videoProgress(asset)}
        ${asset.status === 'failed' ? html`<p class="asset-card__failure">
          <strong>Processing failed:</strong> ${asset.failureReason || 'no reason was given'}</p>` : nothing}
        ${this.#field('caption')}
        ${this.#field('altText')}
        ${this.#renderDetails()}
        <div class="asset-card__actions">
          <div class="button-group" role="group" aria-label="Order of ${name}">
            <button class="button button--icon" type="button" data-move="earlier" aria-label="Move ${name} earlier"
              aria-disabled=${first ? 'true' : 'false'} @click=${(event) => this.#move(-1, event)}>
              <span aria-hidden="true">←</span></button>
            <button class="button button--icon" type="button" data-move="later" aria-label="Move ${name} later"
              aria-disabled=${last ? 'true' : 'false'} @click=${(event) => this.#move(1, event)}>
              <span aria-hidden="true">→</span></button>
          </div>
          ${asset.downloadUrl ? html`<a class="button button--quiet" href=${asset.downloadUrl} target="_blank" rel="noopener"
            aria-label="Open the original of ${name}">Original</a>` : nothing}
          ${asset.status !== 'pending' ? html`<button class="button button--quiet" type="button" data-test="save-to-library"
            ?disabled=${this.busy} aria-label="Save ${name} to your library" @click=${this.#saveToLibrary}>Save to library</button>` : nothing}
          <a class="button button--quiet" href="#${historyPath('asset', asset.id)}" data-test="asset-history"
            aria-label="History of ${name}">History</a>
          <button class="button button--quiet button--danger-text" type="button" ?disabled=${this.busy}
            aria-label="Delete ${name}" @click=${this.#delete}>Delete</button>
        </div>
      </div>
    </article>`;
  }
}

customElements.define('asset-card', AssetCard);
