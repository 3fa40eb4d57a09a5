import { html } from 'lit';
import { LightElement } from '../light-element.js';
import { normalizeDecimal } from '../money.js';
import { CURRENCIES } from '../vocabulary.js';
import './list-editor.js';

/**
 * A contract draft: the parties (a client and a contractor to begin with), the scope of the works, the price and
 * how it is paid, and the terms. content() answers the request content, or throws with the first problem after
 * marking the fields.
 */

const PARTY_FIELDS = [
  { name: 'role', label: 'Role', kind: 'text', required: true, maxLength: 200 },
  { name: 'name', label: 'Name', kind: 'text', required: true, maxLength: 200 },
  { name: 'address', label: 'Address', kind: 'text', maxLength: 2000 },
];
const SCOPE_FIELDS = [{ name: 'description', label: 'Work', kind: 'textarea', required: true, maxLength: 2000 }];
const TERM_FIELDS = [
  { name: 'heading', label: 'Heading', kind: 'text', maxLength: 200 }, // a term left empty is left out
  { name: 'text', label: 'Text', kind: 'textarea', maxLength: 20000 },
];

class ContractEditor extends LightElement {
  static properties = { amountError: { state: true } };

  constructor() {
    super();
    this.amountError = '';
  }

  content() {
    const parties = this.querySelector('#contract-parties').rows();
    const scope = this.querySelector('#contract-scope').rows();
    const amountInput = this.querySelector('#contract-amount');
    const amount = normalizeDecimal(amountInput.value);
    if (amount == null) {
      this.amountError = 'The price: a number such as 12500 or 12500.50.';
      amountInput.focus();
      throw new Error(this.amountError);
    }
    this.amountError = '';
    const terms = this.querySelector('#contract-terms').rows().filter((term) => term.heading || term.text);
    if (terms.some((term) => !term.heading)) {
      throw new Error('Give each term a heading, or empty it to leave it out.');
    }
    const paymentTerms = this.querySelector('#contract-payment').value.trim();
    return {
      parties: parties.map(({ role, name, address }) => ({ role, name, address: address || undefined })),
      scope,
      price: { currency: this.querySelector('#contract-currency').value, amount, paymentTerms: paymentTerms || undefined },
      terms,
    };
  }

  render() {
    return html`<div class="stack">
      <fieldset class="fieldset"><legend>Parties</legend>
        <list-editor id="contract-parties" .itemLabel=${'Party'} .fields=${PARTY_FIELDS}
          .initial=${[{ role: 'Client' }, { role: 'Contractor' }]}></list-editor>
      </fieldset>
      <fieldset class="fieldset"><legend>Scope of the works</legend>
        <list-editor id="contract-scope" .itemLabel=${'Work item'} .fields=${SCOPE_FIELDS}></list-editor>
      </fieldset>
      <fieldset class="fieldset"><legend>Price</legend>
        <div class="grid-fields">
          <div class="field">
            <label class="field__label" for="contract-currency">Currency</label>
            <select id="contract-currency" class="input">${CURRENCIES.map((code) => html`<option>${code}</option>`)}</select>
          </div>
          <div class="field">
            <label class="field__label" for="contract-amount">Amount</label>
            <input id="contract-amount" class="input" type="text" inputmode="decimal" data-test="contract-amount"
              aria-invalid=${this.amountError ? 'true' : 'false'} aria-describedby="contract-amount-error">
            <p id="contract-amount-error" class="field-error" role="alert">${this.amountError}</p>
          </div>
          <div class="field field--wide">
            <label class="field__label" for="contract-payment">Payment terms <span class="optional">(optional)</span></label>
            <input id="contract-payment" class="input" type="text" maxlength="2000" placeholder="e.g. 30 % on signing, the rest on completion">
          </div>
        </div>
      </fieldset>
      <fieldset class="fieldset"><legend>Terms <span class="optional">(optional)</span></legend>
        <list-editor id="contract-terms" .itemLabel=${'Term'} .fields=${TERM_FIELDS}
          .initial=${[{ heading: 'Schedule' }]}></list-editor>
      </fieldset>
    </div>`;
  }
}

customElements.define('contract-editor', ContractEditor);
