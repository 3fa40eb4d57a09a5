import { html } from 'lit';
import { LightElement } from '../light-element.js';
import { messageOf } from '../problem.js';

/**
 * An inline rename: a labelled text field with Save and Cancel, focused and selected when it appears.
 * Enter saves, Escape cancels. Fires 'rename-save' {value} (the parent saves and closes it) and 'rename-cancel'.
 */
class RenameForm extends LightElement {
  static properties = {
    value: { type: String },
    label: { type: String },
    maxLength: { type: Number },
    busy: { type: Boolean },
    error: { type: String },
  };

  static #count = 0;

  constructor() {
    super();
    this.value = '';
    this.label = 'Name';
    this.maxLength = 200;
    this.busy = false;
    this.error = '';
    this.fieldId = `rename-${RenameForm.#count += 1}`;
  }

  firstUpdated() {
    const input = this.querySelector('input');
    input.focus();
    input.select();
  }

  #submit(event) {
    event.preventDefault();
    const value = this.querySelector('input').value.trim();
    if (!value) {
      this.error = `${this.label} cannot be empty.`;
      return;
    }
    this.dispatchEvent(new CustomEvent('rename-save', { detail: { value }, bubbles: true }));
  }

  #cancel() {
    this.dispatchEvent(new CustomEvent('rename-cancel', { bubbles: true }));
  }

  #keydown(event) {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      this.#cancel();
    }
  }

  render() {
    return html`<form class="rename-form" @submit=${this.#submit} @keydown=${this.#keydown}>
      <label class="visually-hidden" for=${this.fieldId}>${this.label}</label>
      <input id=${this.fieldId} class="input" type="text" required maxlength=${this.maxLength}
        .value=${this.value} ?disabled=${this.busy} aria-invalid=${this.error ? 'true' : 'false'}
        aria-describedby=${`${this.fieldId}-error`}>
      <button class="button button--primary" type="submit" ?disabled=${this.busy}>Save</button>
      <button class="button" type="button" @click=${this.#cancel} ?disabled=${this.busy}>Cancel</button>
      <p id=${`${this.fieldId}-error`} class="field-error" role="alert">${this.error}</p>
    </form>`;
  }
}

customElements.define('rename-form', RenameForm);

/**
 * Runs the save of a rename its host shows in a <rename-form ?busy=${host.renameBusy} .error=${host.renameError}>:
 * busy while save() runs; if it fails, the API's words about `field` (or the whole failure) under the field.
 */
export async function saveRename(host, field, save) {
  host.renameBusy = true;
  host.renameError = '';
  try {
    await save();
  } catch (error) {
    host.renameError = error.fieldError?.(field) ?? messageOf(error);
  } finally {
    host.renameBusy = false;
  }
}
