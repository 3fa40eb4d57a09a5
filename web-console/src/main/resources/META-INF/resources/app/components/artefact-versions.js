import { html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { announce } from '../announcer.js';
import { listArtefactVersions, restoreArtefactVersion } from '../api.js';
import { formatBytes, formatDateTime } from '../format.js';
import { LightElement } from '../light-element.js';
import { PagedList } from '../paged-list.js';
import { pagedListView } from '../paged-list-view.js';
import { messageOf } from '../problem.js';
import { askConfirmation } from './confirm-dialog.js';

/**
 * A drawing's versions, newest first, each with its preview, author and message; restoring one saves its content
 * as the next version (the others stay). Read again when the drawing gets a new version.
 */
class ArtefactVersions extends LightElement {
  static properties = {
    artefact: { attribute: false },
    busy: { state: true },
  };

  #versions = new PagedList(this, (cursor) => listArtefactVersions(this.artefact.id, cursor), { key: (v) => v.version });
  #shownVersion = null;

  constructor() {
    super();
    this.busy = false;
  }

  willUpdate(changed) {
    if (changed.has('artefact') && this.artefact.version !== this.#shownVersion) {
      this.#shownVersion = this.artefact.version;
      this.#versions.load();
    }
  }

  async #restore(version) {
    const accepted = await askConfirmation({
      title: `Restore version ${version.version} of “${this.artefact.title}”?`,
      lines: [`Its drawing is saved as version ${this.artefact.version + 1}; every version stays.`],
      confirmLabel: 'Restore',
    });
    if (!accepted) {
      return;
    }
    this.busy = true;
    try {
      const restored = await restoreArtefactVersion(this.artefact.id, version.version);
      announce(`Version ${version.version} restored as version ${restored.version}.`);
      this.dispatchEvent(new CustomEvent('artefact-changed', { detail: restored, bubbles: true }));
    } catch (error) {
      announce(`It could not be restored: ${messageOf(error)}`, { tone: 'error', timeout: 8000 });
    } finally {
      this.busy = false;
    }
  }

  #item(version) {
    const latest = version.version === this.artefact.version;
    const meta = [version.author ? `by ${version.author}` : '', formatDateTime(version.createdAt),
      formatBytes(version.contentBytes), version.restoredFrom ? `restored from version ${version.restoredFrom}` : '']
      .filter(Boolean).join(' · ');
    return html`<li class="artefact-version" data-test="artefact-version" data-version=${version.version}>
      ${version.thumbnailStatus === 'ready' && version.thumbnailUrl
        ? html`<img class="artefact-version__thumbnail" src=${version.thumbnailUrl} width="120" height="90"
            alt="Preview of version ${version.version}">`
        : html`<span class="artefact-version__thumbnail artefact__thumbnail--placeholder" aria-hidden="true"></span>`}
      <div class="artefact-version__text">
        <span class="versions__label">Version ${version.version}${latest ? ' (latest)' : ''}</span>
        <span class="versions__date">${meta}</span>
        ${version.message ? html`<span class="artefact-version__message">“${version.message}”</span>` : nothing}
      </div>
      ${latest ? nothing : html`<button class="button button--quiet" type="button" data-test="artefact-restore"
        ?disabled=${this.busy} @click=${() => this.#restore(version)}>Restore<span class="visually-hidden"> version
        ${version.version}</span></button>`}
    </li>`;
  }

  render() {
    return pagedListView(this.#versions, {
      failed: 'The versions could not be loaded', loading: 'Loading versions…', more: 'Load older versions',
      empty: html`<p class="empty__title">No versions.</p>`,
      items: (items) => html`<ol class="artefact-versions" aria-label="Versions of ${this.artefact.title}">
        ${repeat(items, (version) => version.version, (version) => this.#item(version))}</ol>`,
    });
  }
}

customElements.define('artefact-versions', ArtefactVersions);
