import { html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { announce } from '../announcer.js';
import { createLink } from '../api.js';
import { formatDateTime } from '../format.js';
import { LightElement } from '../light-element.js';
import { messageOf } from '../problem.js';
import { absoluteUrl, sharedPath } from '../router.js';
import { LINK_KINDS, LINK_LIFETIMES, linkKindOf } from '../vocabulary.js';
import './copy-field.js';

/**
 * Makes a download or share link: of files picked from `assets` (a room's), or of the collection `collectionId`.
 * The address holds a secret the service keeps only hashed, so it is shown here once, with a Copy button. A
 * share link is handed on as the console's page for it (#/s/{token}), which shows its pictures to anyone.
 */

const MAX_FILES = 200;

class LinkCreator extends LightElement {
  static properties = {
    assets: { attribute: false },
    collectionId: { type: String },
    kind: { state: true },
    selected: { state: true },
    busy: { state: true },
    error: { state: true },
    created: { state: true },
  };

  constructor() {
    super();
    this.assets = null;
    this.collectionId = null;
    this.selected = new Set();
    this.busy = false;
    this.error = '';
    this.created = null;
  }

  willUpdate() {
    this.kind ??= this.collectionId ? 'share' : 'zip';
    // a file deleted meanwhile is no longer offered, nor sent
    const offered = new Set(this.#offered().map((asset) => asset.id));
    if ([...this.selected].some((id) => !offered.has(id))) {
      this.selected = new Set([...this.selected].filter((id) => offered.has(id)));
    }
  }

  /** Files a link can point at: confirmed ones (a pending upload has no bytes to hand out yet). */
  #offered() {
    return (this.assets ?? []).filter((asset) => asset.status !== 'pending');
  }

  #kinds() {
    return this.collectionId ? LINK_KINDS.filter((kind) => kind.value !== 'single') : LINK_KINDS;
  }

  #toggle(id, checked) {
    const next = new Set(this.selected);
    if (checked) {
      next.add(id);
    } else {
      next.delete(id);
    }
    this.selected = next;
    this.error = '';
  }

  #problem() {
    if (this.collectionId) {
      return '';
    }
    if (this.selected.size === 0) {
      return 'Pick the files the link gives.';
    }
    if (this.kind === 'single' && this.selected.size !== 1) {
      return 'A one-file link gives exactly one file: pick one, or make a ZIP or share link.';
    }
    if (this.selected.size > MAX_FILES) {
      return `A link gives at most ${MAX_FILES} files.`;
    }
    return '';
  }

  async #create(event) {
    event.preventDefault();
    const form = event.target;
    this.error = this.#problem();
    if (this.error) {
      return;
    }
    const maxDownloads = Number(form.elements.maxDownloads.value);
    this.busy = true;
    try {
      this.created = await createLink({
        kind: this.kind,
        ...(this.collectionId ? { collectionId: this.collectionId } : { assetIds: [...this.selected] }),
        expiresIn: form.elements.expiresIn.value,
        maxDownloads: Number.isInteger(maxDownloads) && maxDownloads > 0 ? maxDownloads : undefined,
      });
      const { noun } = linkKindOf(this.kind);
      announce(`${noun.charAt(0).toUpperCase()}${noun.slice(1)} created: copy its address now, it is shown only once.`);
      this.updateComplete.then(() => this.querySelector('[data-test="link-url"]')?.focus());
    } catch (error) {
      this.error = error.fieldError?.('maxDownloads') ?? error.fieldError?.('expiresIn') ?? messageOf(error);
    } finally {
      this.busy = false;
    }
  }

  /** What to hand on: a share link's page in the console, or the download address itself. */
  #address(link) {
    return link.kind === 'share' && link.token ? absoluteUrl(sharedPath(link.token)) : link.url;
  }

  #result() {
    const link = this.created;
    return html`<div class="link-result" data-test="link-result" role="group" aria-label="The new link">
      <copy-field .value=${this.#address(link)} label=${link.kind === 'share' ? 'Share page address' : 'Download address'}
        test="link-url"></copy-field>
      <p class="field__hint">Shown only now: copy it before you leave. It works until ${formatDateTime(link.expiresAt)},
        for ${link.maxDownloads} ${link.kind === 'share' ? 'views' : 'downloads'}. <a href="#/links">All your links</a></p>
      <button class="button button--quiet" type="button" @click=${() => { this.created = null; }}>Make another link</button>
    </div>`;
  }

  #files() {
    const offered = this.#offered();
    if (this.collectionId) {
      return nothing;
    }
    if (offered.length === 0) {
      return html`<p class="field__hint">Upload files first: a link gives files that are in.</p>`;
    }
    return html`<fieldset class="fieldset link-files">
      <legend>Files <span class="section__count">${this.selected.size}</span></legend>
      <ul class="link-files__list">${repeat(offered, (asset) => asset.id, (asset) => html`<li>
        <label class="check">
          <input type="checkbox" data-test="link-asset" value=${asset.id} .checked=${this.selected.has(asset.id)}
            @change=${(event) => this.#toggle(asset.id, event.target.checked)}>
          ${asset.originalFilename}
        </label></li>`)}
      </ul>
    </fieldset>`;
  }

  render() {
    if (this.created) {
      return this.#result();
    }
    const kinds = this.#kinds();
    return html`<form class="stack" @submit=${this.#create} novalidate>
      <fieldset class="fieldset">
        <legend>What the link gives</legend>
        ${kinds.map((kind) => html`<label class="check">
          <input type="radio" name="kind" value=${kind.value} data-test="link-kind-${kind.value}" .checked=${this.kind === kind.value}
            @change=${() => { this.kind = kind.value; this.error = ''; }}>
          <span><strong>${kind.label}</strong> — ${kind.hint}</span>
        </label>`)}
      </fieldset>
      ${this.#files()}
      <div class="grid-fields">
        <div class="field">
          <label class="field__label" for="link-expires-${this.collectionId ?? 'files'}">Works for</label>
          <select id="link-expires-${this.collectionId ?? 'files'}" name="expiresIn" class="input" data-test="link-expires">
            ${LINK_LIFETIMES.map((lifetime) => html`<option value=${lifetime.value} ?selected=${lifetime.value === 'P7D'}>${lifetime.label}</option>`)}
          </select>
        </div>
        <div class="field">
          <label class="field__label" for="link-max-${this.collectionId ?? 'files'}">Most downloads</label>
          <input id="link-max-${this.collectionId ?? 'files'}" name="maxDownloads" class="input" type="number" min="1" max="1000"
            value="10" inputmode="numeric" data-test="link-max-downloads">
        </div>
      </div>
      <p class="field-error" role="alert">${this.error}</p>
      <div><button class="button button--primary" type="submit" data-test="create-link" ?disabled=${this.busy}>
        ${this.busy ? 'Creating…' : 'Create link'}</button></div>
    </form>`;
  }
}

customElements.define('link-creator', LinkCreator);
