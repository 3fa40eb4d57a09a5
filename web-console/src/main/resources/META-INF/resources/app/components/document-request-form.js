import { html, nothing } from 'lit';
import { announce } from '../announcer.js';
import { requestDocument } from '../api.js';
import { LightElement } from '../light-element.js';
import { messageOf } from '../problem.js';
import { DOCUMENT_PHASES, DOCUMENT_TYPES, humanize } from '../vocabulary.js';
import './contract-editor.js';
import './estimate-editor.js';
import './list-editor.js';

/**
 * Requests a document: a checklist (items, each done or not), a plan (sections), an estimate (priced lines),
 * a contract draft (parties, scope, price, terms) or, in a room, a room report (notes; the service adds the
 * room's photos and comparisons), optionally in a phase and marked as written by AI with its prompt. Each type
 * keeps what was typed while another is chosen. Fires 'document-requested' {id} once the service has accepted it.
 */

const CHECKLIST_FIELDS = [
  { name: 'done', label: 'Done', kind: 'checkbox' },
  { name: 'text', label: 'Item', kind: 'text', required: true, maxLength: 2000 },
];
const PLAN_FIELDS = [
  { name: 'heading', label: 'Heading', kind: 'text', required: true, maxLength: 200 },
  { name: 'text', label: 'Details', kind: 'textarea', maxLength: 20000 },
];

class DocumentRequestForm extends LightElement {
  static properties = {
    sessionId: { type: String },
    roomId: { type: String },
    placeName: { type: String },
    documentType: { state: true },
    title: { state: true },
    busy: { state: true },
    error: { state: true },
    byAi: { state: true },
  };

  #titleEdited = false;

  constructor() {
    super();
    this.roomId = null;
    this.placeName = '';
    this.documentType = 'checklist';
    this.title = '';
    this.busy = false;
    this.error = '';
    this.byAi = false;
  }

  #types() {
    return DOCUMENT_TYPES.filter((type) => !type.needsRoom || this.roomId);
  }

  #type() {
    return DOCUMENT_TYPES.find((candidate) => candidate.key === this.documentType);
  }

  willUpdate(changed) {
    if (!this.#titleEdited && (changed.has('documentType') || changed.has('placeName'))) {
      const type = this.#type();
      this.title = this.placeName ? `${this.placeName} — ${type.noun}` : type.label;
    }
  }

  #content() {
    switch (this.documentType) {
      case 'checklist':
        return { items: this.querySelector('#checklist-editor').rows() };
      case 'plan':
        return { sections: this.querySelector('#plan-editor').rows() };
      case 'estimate':
        return this.querySelector('#estimate-editor').content();
      case 'contract':
        return this.querySelector('#contract-editor').content();
      default: {
        const notes = this.querySelector('#report-notes').value.trim();
        return notes ? { notes } : {};
      }
    }
  }

  async #submit(event) {
    event.preventDefault();
    const titleInput = this.querySelector('#document-title');
    if (!this.title.trim()) {
      this.error = 'Give the document a title.';
      titleInput.focus();
      return;
    }
    let content;
    try {
      content = this.#content();
    } catch (problem) {
      this.error = `Please check the form: ${problem.message}`;
      return;
    }
    const prompt = this.byAi ? this.querySelector('#document-prompt').value.trim() : '';
    this.busy = true;
    this.error = '';
    try {
      const accepted = await requestDocument(this.sessionId, {
        documentType: this.#type().apiValue,
        title: this.title.trim(),
        roomId: this.roomId ?? undefined,
        phase: this.querySelector('#document-phase').value || undefined,
        generatedBy: this.byAi ? 'ai' : undefined,
        generationPrompt: prompt || undefined,
        message: this.querySelector('#document-message').value.trim() || undefined,
        content,
      });
      const type = this.#type();
      announce(`${type.label} requested (version ${accepted.version}); it is being made.`);
      this.dispatchEvent(new CustomEvent('document-requested', { detail: accepted, bubbles: true }));
    } catch (error) {
      this.error = messageOf(error);
    } finally {
      this.busy = false;
    }
  }

  render() {
    const type = this.#type();
    const hiddenUnless = (value) => this.documentType !== value;
    return html`<form class="card card--padded document-form" @submit=${this.#submit} novalidate aria-busy=${this.busy ? 'true' : 'false'}>
      <div class="grid-fields">
        <div class="field">
          <label class="field__label" for="document-type">Document</label>
          <select id="document-type" class="input" data-test="document-type"
            @change=${(event) => { this.documentType = event.target.value; this.error = ''; }}>
            ${this.#types().map((option) => html`<option value=${option.key} ?selected=${option.key === this.documentType}>${option.label}</option>`)}
          </select>
        </div>
        <div class="field field--wide">
          <label class="field__label" for="document-title">Title</label>
          <input id="document-title" class="input" type="text" required maxlength="200" .value=${this.title}
            @input=${(event) => { this.title = event.target.value; this.#titleEdited = true; }}>
        </div>
        <div class="field">
          <label class="field__label" for="document-phase">Phase <span class="optional">(optional)</span></label>
          <select id="document-phase" class="input" data-test="document-phase">
            <option value="">No phase</option>
            ${DOCUMENT_PHASES.map((phase) => html`<option value=${phase}>${humanize(phase.toLowerCase())}</option>`)}
          </select>
        </div>
      </div>
      <div ?hidden=${hiddenUnless('checklist')}>
        <list-editor id="checklist-editor" .itemLabel=${'Item'} .fields=${CHECKLIST_FIELDS}></list-editor>
      </div>
      <div ?hidden=${hiddenUnless('plan')}>
        <list-editor id="plan-editor" .itemLabel=${'Section'} .fields=${PLAN_FIELDS}></list-editor>
      </div>
      <div ?hidden=${hiddenUnless('estimate')}>
        <estimate-editor id="estimate-editor"></estimate-editor>
      </div>
      <div ?hidden=${hiddenUnless('contract')}>
        <contract-editor id="contract-editor"></contract-editor>
      </div>
      <div ?hidden=${hiddenUnless('room_report')}>
        ${this.roomId ? html`<div class="field">
          <label class="field__label" for="report-notes">Notes <span class="optional">(optional)</span></label>
          <textarea id="report-notes" class="input" rows="4" maxlength="20000"
            placeholder="Anything the report should say besides the room’s photos and comparisons"></textarea>
          <p class="field__hint">The report shows this room’s confirmed photos in their order and its before/after comparisons.</p>
        </div>` : nothing}
      </div>
      <div class="field">
        <label class="field__label" for="document-message">Note for this version <span class="optional">(optional)</span></label>
        <input id="document-message" class="input" type="text" maxlength="500" data-test="document-message"
          placeholder="What changed since the last version">
      </div>
      <label class="check">
        <input type="checkbox" data-test="document-by-ai" .checked=${this.byAi}
          @change=${(event) => { this.byAi = event.target.checked; }}>
        <span>The text was written by AI</span>
      </label>
      ${this.byAi ? html`<div class="field">
        <label class="field__label" for="document-prompt">The prompt it was written from <span class="optional">(optional)</span></label>
        <textarea id="document-prompt" class="input" rows="3" maxlength="4000" data-test="document-prompt"></textarea>
      </div>` : nothing}
      <p class="field-error" role="alert">${this.error}</p>
      <button class="button button--primary" type="submit" data-test="request-document" ?disabled=${this.busy}>
        ${this.busy ? 'Requesting…' : `Request ${type.noun}`}
      </button>
    </form>`;
  }
}

customElements.define('document-request-form', DocumentRequestForm);
