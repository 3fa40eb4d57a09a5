import { html } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { LightElement } from '../light-element.js';
import { estimateTotals, formatCents, normalizeDecimal, parseDecimal, percentToRate } from '../money.js';
import { CURRENCIES } from '../vocabulary.js';

/**
 * An estimate's lines (description, quantity, unit, unit price) added and removed at will, with each line's
 * total and the grand total worked out as the user types, exactly (money.js: BigInt cents, no floats).
 * content() answers the request content, or throws with the first problem after marking the fields.
 */

const MAX_QUANTITY = 1_000_000_000n * 1_000_000n; // in millionths, as the API's limits
const MAX_PRICE = 1_000_000_000_000n * 1_000_000n;

let nextLine = 0;
const newLine = () => ({ key: `line-${nextLine += 1}`, description: '', quantity: '', unit: 'pcs', unitPrice: '' });

class EstimateEditor extends LightElement {
  static properties = {
    lines: { state: true },
    currency: { state: true },
    taxPercent: { state: true },
    errors: { state: true },
  };

  constructor() {
    super();
    this.lines = [newLine()];
    this.currency = 'EUR';
    this.taxPercent = '0';
    this.errors = {};
  }

  #set(key, field, value) {
    this.lines = this.lines.map((line) => (line.key === key ? { ...line, [field]: value } : line));
    if (this.errors[`${key}-${field}`]) {
      this.errors = { ...this.errors, [`${key}-${field}`]: '' };
    }
  }

  async #add() {
    const line = newLine();
    this.lines = [...this.lines, line];
    await this.updateComplete;
    this.querySelector(`#${line.key}-description`)?.focus();
  }

  async #remove(key) {
    const index = this.lines.findIndex((line) => line.key === key);
    this.lines = this.lines.filter((line) => line.key !== key);
    await this.updateComplete;
    // focus stays near: the line that took its place, or adding a new one
    const next = this.lines[Math.min(index, this.lines.length - 1)];
    (next ? this.querySelector(`#${next.key}-description`) : this.querySelector('.estimate__add'))?.focus();
  }

  /** The Estimate content the API takes: amounts as decimal strings, totals left to the service. */
  content() {
    const errors = {};
    if (this.lines.length === 0) {
      errors.lines = 'Add at least one line.';
    }
    for (const line of this.lines) {
      if (!line.description.trim()) {
        errors[`${line.key}-description`] = 'Describe the work or item.';
      }
      const quantity = parseDecimal(line.quantity);
      if (quantity == null || quantity === 0n || quantity > MAX_QUANTITY) {
        errors[`${line.key}-quantity`] = 'A quantity above 0, at most 6 decimals.';
      }
      if (!line.unit.trim()) {
        errors[`${line.key}-unit`] = 'A unit, e.g. pcs, m², h.';
      }
      const price = parseDecimal(line.unitPrice);
      if (price == null || price > MAX_PRICE) {
        errors[`${line.key}-unitPrice`] = 'A price of 0 or more, at most 6 decimals.';
      }
    }
    if (percentToRate(this.taxPercent || '0') == null) {
      errors.tax = 'A percentage between 0 and 100.';
    }
    this.errors = errors;
    const first = Object.keys(errors)[0];
    if (first) {
      this.updateComplete.then(() => this.querySelector(`[data-error-key="${first}"]`)?.focus());
      throw new Error(errors[first]);
    }
    return {
      currency: this.currency,
      taxRate: percentToRate(this.taxPercent || '0'),
      lines: this.lines.map((line) => ({
        description: line.description.trim(),
        quantity: normalizeDecimal(line.quantity),
        unit: line.unit.trim(),
        unitPrice: normalizeDecimal(line.unitPrice),
      })),
    };
  }

  #input(line, field, label, { inputmode = 'text', className = '', placeholder = '' } = {}) {
    const id = `${line.key}-${field}`;
    const error = this.errors[id];
    return html`<div class="field field--compact ${className}">
      <label class="field__label" for=${id}>${label}</label>
      <input id=${id} name=${field} class="input" type="text" inputmode=${inputmode} .value=${line[field]} data-error-key=${id}
        placeholder=${placeholder}
        maxlength=${field === 'unit' ? 20 : field === 'description' ? 2000 : 30}
        aria-invalid=${error ? 'true' : 'false'} aria-describedby="${id}-error"
        @input=${(event) => this.#set(line.key, field, event.target.value)}>
      <p id="${id}-error" class="field-error" role="alert">${error ?? ''}</p>
    </div>`;
  }

  render() {
    const totals = estimateTotals(this.lines, this.taxPercent);
    return html`<div class="estimate">
      <div class="grid-fields">
        <div class="field">
          <label class="field__label" for="estimate-currency">Currency</label>
          <select id="estimate-currency" class="input" @change=${(event) => { this.currency = event.target.value; }}>
            ${CURRENCIES.map((code) => html`<option value=${code} ?selected=${code === this.currency}>${code}</option>`)}
          </select>
        </div>
        <div class="field">
          <label class="field__label" for="estimate-tax">Tax rate (%)</label>
          <input id="estimate-tax" class="input" type="text" inputmode="decimal" .value=${this.taxPercent} data-error-key="tax"
            aria-invalid=${this.errors.tax ? 'true' : 'false'} aria-describedby="estimate-tax-error"
            @input=${(event) => { this.taxPercent = event.target.value; this.errors = { ...this.errors, tax: '' }; }}>
          <p id="estimate-tax-error" class="field-error" role="alert">${this.errors.tax ?? ''}</p>
        </div>
      </div>
      <ol class="estimate__lines" aria-label="Estimate lines">
        ${repeat(this.lines, (line) => line.key, (line, index) => {
          const cents = totals.lines[index];
          return html`<li class="estimate__line">
            <fieldset class="estimate__fieldset">
              <legend class="visually-hidden">Line ${index + 1}</legend>
              ${this.#input(line, 'description', 'Description', { className: 'estimate__description' })}
              ${this.#input(line, 'quantity', 'Quantity', { inputmode: 'decimal', placeholder: 'e.g. 2' })}
              ${this.#input(line, 'unit', 'Unit')}
              ${this.#input(line, 'unitPrice', `Unit price (${this.currency})`, { inputmode: 'decimal', placeholder: 'e.g. 49.90' })}
              <p class="estimate__line-total">
                <span class="field__label">Line total</span>
                <span class="estimate__amount">${cents == null ? '—' : formatCents(cents, this.currency)}</span>
              </p>
              <button class="button button--quiet button--danger-text estimate__remove" type="button"
                aria-label="Remove line ${index + 1}" ?disabled=${this.lines.length === 1}
                @click=${() => this.#remove(line.key)}>Remove</button>
            </fieldset>
          </li>`;
        })}
      </ol>
      <p class="field-error" role="alert">${this.errors.lines ?? ''}</p>
      <button class="button estimate__add" type="button" @click=${this.#add}>Add a line</button>
      <dl class="estimate__totals">
        <div><dt>Subtotal</dt><dd>${formatCents(totals.subtotal, this.currency)}</dd></div>
        <div><dt>Tax</dt><dd>${formatCents(totals.tax, this.currency)}</dd></div>
        <div class="estimate__grand"><dt>Total</dt><dd data-test="estimate-total">${formatCents(totals.total, this.currency)}</dd></div>
      </dl>
    </div>`;
  }
}

customElements.define('estimate-editor', EstimateEditor);
