import { html } from 'lit';
import { announce } from '../announcer.js';
import { LightElement } from '../light-element.js';

/**
 * An address to hand on: a read-only field showing it and a Copy button. The clipboard API can be refused
 * (no permission, an insecure origin); then the text is selected so Ctrl+C copies it, and the person is told.
 * `test` names the data-test hooks: the field is `${test}`, the button `${test}-copy`.
 */

let count = 0;

class CopyField extends LightElement {
  static properties = {
    value: { type: String },
    label: { type: String },
    test: { type: String },
  };

  constructor() {
    super();
    this.value = '';
    this.label = 'Address';
    this.test = 'copy-field';
    this.fieldId = `copy-field-${count += 1}`;
  }

  async #copy() {
    const input = this.querySelector('input');
    try {
      await navigator.clipboard.writeText(this.value);
      announce(`${this.label} copied.`);
    } catch {
      input.focus();
      input.select();
      announce('Copying was not allowed here: the address is selected, press Ctrl+C (⌘C) to copy it.');
    }
  }

  render() {
    return html`<div class="copy-field">
      <label class="field__label" for=${this.fieldId}>${this.label}</label>
      <div class="copy-field__row">
        <input id=${this.fieldId} class="input copy-field__input" type="text" readonly .value=${this.value}
          data-test=${this.test} @focus=${(event) => event.target.select()}>
        <button class="button" type="button" data-test="${this.test}-copy" aria-label="Copy ${this.label.toLowerCase()}"
          @click=${this.#copy}>Copy</button>
      </div>
    </div>`;
  }
}

customElements.define('copy-field', CopyField);
