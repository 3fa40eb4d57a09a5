import { html, nothing } from 'lit';
import { announce } from '../announcer.js';
import { deleteArtefact, getArtefact, saveArtefact } from '../api.js';
import { formatBytes, formatDateTime } from '../format.js';
import { LightElement } from '../light-element.js';
import { messageOf } from '../problem.js';
import { readSvgFile } from '../svg-file.js';
import { artefactKindLabel } from '../vocabulary.js';
import './artefact-export.js';
import './artefact-versions.js';
import { askConfirmation } from './confirm-dialog.js';

/**
 * One drawing: its thumbnail and latest version, and what can be done with it — save a new version from a file
 * (refused with a clear message when someone saved after the version it started from), see and restore its
 * versions, export one, delete it. Tells its list of changes with artefact-changed / artefact-deleted.
 */
class ArtefactItem extends LightElement {
  static properties = {
    artefact: { attribute: false },
    panel: { state: true },
    busy: { state: true },
    error: { state: true },
    conflict: { state: true },
    saveBase: { state: true },
  };

  constructor() {
    super();
    this.panel = null; // 'versions' | 'save' | 'export'
    this.busy = false;
    this.error = '';
    this.conflict = null; // the latest version when a save lost to another editor
    this.saveBase = null; // the version shown when the user began the new one: the edit is based on it
  }

  #changed(artefact) {
    this.dispatchEvent(new CustomEvent('artefact-changed', { detail: artefact, bubbles: true }));
  }

  #toggle(panel) {
    this.panel = this.panel === panel ? null : panel;
    this.saveBase = this.artefact.version;
    this.error = '';
    this.conflict = null;
  }

  async #save(event) {
    event.preventDefault();
    const form = event.target;
    const file = form.elements.file.files[0];
    if (!file) {
      this.error = 'Choose the SVG file of the new version.';
      return;
    }
    this.busy = true;
    this.error = '';
    this.conflict = null;
    const base = this.saveBase;
    try {
      const content = await readSvgFile(file);
      const saved = await saveArtefact(this.artefact.id, { content, message: form.elements.message.value.trim(), baseVersion: base });
      form.reset();
      this.panel = null;
      announce(`Version ${saved.version} of “${saved.title}” saved.`);
      this.#changed(saved);
    } catch (error) {
      if (error.status === 409) {
        this.conflict = error.problem?.latestVersion ?? null;
      }
      this.error = messageOf(error);
    } finally {
      this.busy = false;
    }
  }

  /** After a lost save: shows the version that won, so the user can start from it. */
  async #loadLatest() {
    try {
      const latest = await getArtefact(this.artefact.id);
      this.conflict = null;
      this.error = '';
      this.saveBase = latest.version;
      this.#changed(latest);
      announce(`Version ${latest.version} is shown; save your file again to make the next one.`);
    } catch (error) {
      this.error = messageOf(error);
    }
  }

  async #delete() {
    const artefact = this.artefact;
    const accepted = await askConfirmation({
      title: `Delete “${artefact.title}”?`,
      lines: [`All ${artefact.version === 1 ? 'of its one version' : `its versions`}, their previews and exports are erased.`],
      confirmLabel: 'Delete drawing',
    });
    if (!accepted) {
      return;
    }
    try {
      await deleteArtefact(artefact.id);
      announce(`“${artefact.title}” deleted.`);
      this.dispatchEvent(new CustomEvent('artefact-deleted', { detail: artefact, bubbles: true }));
    } catch (error) {
      announce(`It could not be deleted: ${messageOf(error)}`, { tone: 'error', timeout: 8000 });
    }
  }

  #thumbnail() {
    const artefact = this.artefact;
    if (artefact.thumbnailStatus === 'ready' && artefact.thumbnailUrl) {
      return html`<img class="artefact__thumbnail" src=${artefact.thumbnailUrl} width="400" height="300"
        alt="Preview of ${artefact.title}, version ${artefact.version}" data-test="artefact-thumbnail">`;
    }
    const failed = artefact.thumbnailStatus === 'failed';
    return html`<div class="artefact__thumbnail artefact__thumbnail--placeholder" data-test="artefact-thumbnail-pending">
      ${failed ? 'No preview could be made' : 'Making the preview…'}</div>`;
  }

  #saveForm() {
    const id = this.artefact.id;
    return html`<form class="artefact__form" data-test="artefact-save-form" @submit=${this.#save} novalidate>
      <div class="field">
        <label class="field__label" for="artefact-new-file-${id}">SVG file of the new version</label>
        <input id="artefact-new-file-${id}" class="input" name="file" type="file" accept=".svg,image/svg+xml"
          data-test="artefact-new-file">
      </div>
      <div class="field">
        <label class="field__label" for="artefact-new-message-${id}">What changed (optional)</label>
        <input id="artefact-new-message-${id}" class="input" name="message" type="text" maxlength="500"
          data-test="artefact-new-message">
      </div>
      <p class="field__hint">Saved as version ${this.saveBase + 1}, after version ${this.saveBase}.</p>
      ${this.artefact.version > this.saveBase ? html`<p class="field-error" data-test="artefact-newer">Version
        ${this.artefact.version} was saved since you began; look at it before saving yours.</p>` : nothing}
      <p class="field-error" role="alert" data-test="artefact-save-error">${this.error}</p>
      <div class="form-actions">
        <button class="button button--primary" type="submit" data-test="artefact-save" ?disabled=${this.busy}>
          ${this.busy ? 'Saving…' : 'Save version'}</button>
        ${this.conflict ? html`<button class="button" type="button" data-test="artefact-load-latest"
          @click=${this.#loadLatest}>Show version ${this.conflict}</button>` : nothing}
      </div>
    </form>`;
  }

  #panel() {
    switch (this.panel) {
      case 'save':
        return this.#saveForm();
      case 'versions':
        return html`<artefact-versions .artefact=${this.artefact}
          @artefact-changed=${(event) => { event.stopPropagation(); this.#changed(event.detail); }}></artefact-versions>`;
      case 'export':
        return html`<artefact-export .artefact=${this.artefact}></artefact-export>`;
      default:
        return nothing;
    }
  }

  #button(panel, label, test) {
    const open = this.panel === panel;
    return html`<button class="button button--quiet" type="button" aria-expanded=${open ? 'true' : 'false'}
      data-test=${test} @click=${() => this.#toggle(panel)}>${label}<span class="visually-hidden"> of ${this.artefact.title}</span></button>`;
  }

  render() {
    const artefact = this.artefact;
    const meta = [artefactKindLabel(artefact.kind), `version ${artefact.version}`,
      artefact.author ? `saved by ${artefact.author}` : '', formatDateTime(artefact.updatedAt),
      formatBytes(artefact.contentBytes)].filter(Boolean).join(' · ');
    return html`<article class="artefact" data-test="artefact-item" data-artefact-id=${artefact.id}
        data-version=${artefact.version} data-thumbnail=${artefact.thumbnailStatus}>
      ${this.#thumbnail()}
      <div class="artefact__body">
        <h3 class="artefact__title">${artefact.title}</h3>
        <p class="artefact__meta">${meta}</p>
        ${artefact.message ? html`<p class="artefact__message">“${artefact.message}”</p>` : nothing}
        <div class="artefact__actions">
          ${this.#button('save', 'New version', 'artefact-new-version')}
          ${this.#button('versions', 'Versions', 'artefact-versions')}
          ${this.#button('export', 'Export', 'artefact-export')}
          <button class="button button--quiet button--danger-text" type="button" data-test="artefact-delete"
            @click=${this.#delete}>Delete<span class="visually-hidden"> ${artefact.title}</span></button>
        </div>
      </div>
      <div class="artefact__panel">${this.#panel()}</div>
    </article>`;
  }
}

customElements.define('artefact-item', ArtefactItem);
