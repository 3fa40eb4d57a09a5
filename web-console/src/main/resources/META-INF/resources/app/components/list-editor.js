import { html } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { LightElement } from '../light-element.js';

/**
 * Rows of a few fields, added and removed at will: a checklist's items (text, done) or a plan's sections
 * (heading, text). `fields` describes a row: [{name, label, kind: 'text'|'textarea'|'checkbox', required,
 * maxLength}]; `initial` the first rows' values (one empty row when not given). rows() answers the rows, or
 * throws with the first problem after marking the fields.
 */

let nextRow = 0;

class ListEditor extends LightElement {
  static properties = {
    fields: { attribute: false },
    initial: { attribute: false },
    itemLabel: { type: String },
    rowsState: { state: true },
    errors: { state: true },
  };

  constructor() {
    super();
    this.fields = [];
    this.initial = [{}];
    this.itemLabel = 'Item';
    this.rowsState = null;
    this.errors = {};
  }

  willUpdate() {
    if (!this.rowsState) {
      this.rowsState = this.initial.map((values) => ({ ...this.#newRow(), ...values }));
    }
  }

  #newRow() {
    const row = { key: `row-${nextRow += 1}` };
    for (const field of this.fields) {
      row[field.name] = field.kind === 'checkbox' ? false : '';
    }
    return row;
  }

  #set(key, name, value) {
    this.rowsState = this.rowsState.map((row) => (row.key === key ? { ...row, [name]: value } : row));
    if (this.errors[`${key}-${name}`]) {
      this.errors = { ...this.errors, [`${key}-${name}`]: '' };
    }
  }

  async #add() {
    const row = this.#newRow();
    this.rowsState = [...this.rowsState, row];
    await this.updateComplete;
    this.querySelector(`#${row.key}-${this.fields.find((field) => field.kind !== 'checkbox').name}`)?.focus();
  }

  async #remove(key) {
    const index = this.rowsState.findIndex((row) => row.key === key);
    this.rowsState = this.rowsState.filter((row) => row.key !== key);
    await this.updateComplete;
    const next = this.rowsState[Math.min(index, this.rowsState.length - 1)];
    const first = this.fields.find((field) => field.kind !== 'checkbox').name;
    (next ? this.querySelector(`#${next.key}-${first}`) : this.querySelector('.list-editor__add'))?.focus();
  }

  rows() {
    const errors = {};
    for (const row of this.rowsState) {
      for (const field of this.fields) {
        if (field.required && !String(row[field.name]).trim()) {
          errors[`${row.key}-${field.name}`] = `${field.label} cannot be empty.`;
        }
      }
    }
    this.errors = errors;
    const first = Object.keys(errors)[0];
    if (first) {
      this.updateComplete.then(() => this.querySelector(`#${first}`)?.focus());
      throw new Error(errors[first]);
    }
    return this.rowsState.map((row) => Object.fromEntries(this.fields.map((field) => [
      field.name, field.kind === 'checkbox' ? !!row[field.name] : String(row[field.name]).trim(),
    ])));
  }

  #field(row, index, field) {
    const id = `${row.key}-${field.name}`;
    const label = `${field.label} (${this.itemLabel.toLowerCase()} ${index + 1})`;
    if (field.kind === 'checkbox') {
      return html`<label class="check list-editor__check">
        <input id=${id} type="checkbox" .checked=${row[field.name]}
          @change=${(event) => this.#set(row.key, field.name, event.target.checked)}>
        <span>${field.label}<span class="visually-hidden"> (${this.itemLabel.toLowerCase()} ${index + 1})</span></span>
      </label>`;
    }
    const error = this.errors[id];
    const common = {
      invalid: error ? 'true' : 'false',
      onInput: (event) => this.#set(row.key, field.name, event.target.value),
    };
    return html`<div class="field field--compact list-editor__${field.kind}">
      <label class="field__label" for=${id}><span aria-hidden="true">${field.label}</span><span class="visually-hidden">${label}</span></label>
      ${field.kind === 'textarea'
        ? html`<textarea id=${id} name=${field.name} class="input" rows="3" maxlength=${field.maxLength} .value=${row[field.name]}
            aria-invalid=${common.invalid} aria-describedby="${id}-error" @input=${common.onInput}></textarea>`
        : html`<input id=${id} name=${field.name} class="input" type="text" maxlength=${field.maxLength} .value=${row[field.name]}
            aria-invalid=${common.invalid} aria-describedby="${id}-error" @input=${common.onInput}>`}
      <p id="${id}-error" class="field-error" role="alert">${error ?? ''}</p>
    </div>`;
  }

  render() {
    return html`<ol class="list-editor" aria-label="${this.itemLabel}s">
        ${repeat(this.rowsState, (row) => row.key, (row, index) => html`<li class="list-editor__row">
          ${this.fields.map((field) => this.#field(row, index, field))}
          <button class="button button--quiet button--danger-text" type="button" ?disabled=${this.rowsState.length === 1}
            aria-label="Remove ${this.itemLabel.toLowerCase()} ${index + 1}" @click=${() => this.#remove(row.key)}>Remove</button>
        </li>`)}
      </ol>
      <button class="button list-editor__add" type="button" @click=${this.#add}>Add ${this.itemLabel.toLowerCase()}</button>`;
  }
}

customElements.define('list-editor', ListEditor);
