import { html, nothing } from 'lit';
import { exportArtefact, getExport } from '../api.js';
import { formatBytes, formatDateTime } from '../format.js';
import { LightElement } from '../light-element.js';
import { liveEvents } from '../live-events.js';
import { messageOf } from '../problem.js';
import { EXPORT_FORMATS } from '../vocabulary.js';

const POLL_MS = 1500; // the live stream says when it is done; polling covers a stream that is down

/**
 * Exports one version of a drawing as PDF, PNG (at a chosen width) or cleaned SVG. The export is made in the
 * background; this shows its progress and, when ready, its download link (exports expire after a while).
 */
class ArtefactExport extends LightElement {
  static properties = {
    artefact: { attribute: false },
    format: { state: true },
    job: { state: true },
    busy: { state: true },
    error: { state: true },
  };

  #timer = null;

  constructor() {
    super();
    this.format = 'pdf';
    this.job = null;
    this.busy = false;
    this.error = '';
  }

  connectedCallback() {
    super.connectedCallback();
    this.listen(liveEvents, 'export.changed', (data) => {
      if (data?.exportId === this.job?.id) {
        this.#check();
      }
    });
    this.onDisconnect(() => clearTimeout(this.#timer));
  }

  async #submit(event) {
    event.preventDefault();
    const form = event.target;
    const request = { format: this.format, version: Number(form.elements.version.value) || undefined };
    if (this.format === 'png') {
      request.width = Number(form.elements.width.value) || undefined;
    }
    this.busy = true;
    this.error = '';
    this.job = null;
    clearTimeout(this.#timer);
    try {
      this.job = await exportArtefact(this.artefact.id, request);
      this.#schedule();
    } catch (error) {
      this.error = messageOf(error);
    } finally {
      this.busy = false;
    }
  }

  #schedule() {
    clearTimeout(this.#timer);
    if (this.job?.status === 'pending') {
      this.#timer = setTimeout(() => this.#check(), POLL_MS);
    }
  }

  async #check() {
    if (!this.job) {
      return;
    }
    try {
      this.job = await getExport(this.job.id);
    } catch (error) {
      this.error = messageOf(error);
      return;
    }
    this.#schedule();
  }

  #status() {
    const job = this.job;
    if (!job) {
      return nothing;
    }
    if (job.status === 'failed') {
      return html`<p class="document__error" role="alert" data-test="export-status" data-status="failed">
        The export could not be made: ${job.error || 'no reason was given'}</p>`;
    }
    if (job.status !== 'ready') {
      return html`<p class="field__hint" data-test="export-status" data-status=${job.status} aria-live="polite">
        Making the ${job.format.toUpperCase()} of version ${job.version}…</p>`;
    }
    return html`<p class="artefact-export__ready" data-test="export-status" data-status="ready" aria-live="polite">
      <a class="button button--primary" href=${job.downloadUrl} target="_blank" rel="noopener" data-test="export-download">
        Download ${job.format.toUpperCase()}</a>
      <span class="field__hint">${formatBytes(job.bytes)}${job.expiresAt ? ` · available until ${formatDateTime(job.expiresAt)}` : ''}</span>
    </p>`;
  }

  render() {
    const id = this.artefact.id;
    return html`<form class="artefact__form" data-test="artefact-export-form" @submit=${this.#submit} novalidate>
      <div class="grid-fields">
        <div class="field">
          <label class="field__label" for="export-format-${id}">Format</label>
          <select id="export-format-${id}" class="input" name="format" data-test="export-format"
            @change=${(event) => { this.format = event.target.value; }}>
            ${EXPORT_FORMATS.map((format) => html`<option value=${format.value} ?selected=${format.value === this.format}>${format.label}</option>`)}
          </select>
        </div>
        <div class="field">
          <label class="field__label" for="export-version-${id}">Version</label>
          <input id="export-version-${id}" class="input" name="version" type="number" min="1" max=${this.artefact.version}
            .value=${String(this.artefact.version)} data-test="export-version">
        </div>
        ${this.format === 'png' ? html`<div class="field">
          <label class="field__label" for="export-width-${id}">Width in pixels</label>
          <input id="export-width-${id}" class="input" name="width" type="number" min="1" max="4096" value="1600"
            data-test="export-width">
        </div>` : nothing}
      </div>
      <p class="field-error" role="alert">${this.error}</p>
      <button class="button" type="submit" data-test="export-submit" ?disabled=${this.busy}>
        ${this.busy ? 'Asking…' : 'Export'}</button>
      ${this.#status()}
    </form>`;
  }
}

customElements.define('artefact-export', ArtefactExport);
