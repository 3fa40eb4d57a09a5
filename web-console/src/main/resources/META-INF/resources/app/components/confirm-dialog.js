import { html, nothing } from 'lit';
import { LightElement } from '../light-element.js';

/**
 * The one confirmation dialog (a native modal <dialog>): askConfirmation({title, lines, confirmLabel}) opens
 * it and answers true when the user confirms. Cancel has focus first, so Enter on an accidental open is safe.
 */

let instance = null;

export function askConfirmation(options) {
  if (!instance) {
    return Promise.resolve(false);
  }
  return instance.open(options);
}

class ConfirmDialog extends LightElement {
  static properties = { options: { state: true } };

  #resolve = null;
  #returnFocus = null;

  constructor() {
    super();
    this.options = null;
  }

  connectedCallback() {
    super.connectedCallback();
    instance = this;
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    if (instance === this) {
      instance = null;
    }
  }

  async open(options) {
    this.#resolve?.(false);
    this.options = { confirmLabel: 'Delete', ...options };
    this.#returnFocus = document.activeElement;
    await this.updateComplete;
    const dialog = this.querySelector('dialog');
    dialog.returnValue = '';
    dialog.showModal();
    dialog.querySelector('[data-test="confirm-cancel"]')?.focus();
    return new Promise((resolve) => {
      this.#resolve = resolve;
    });
  }

  #closed(event) {
    const accepted = event.target.returnValue === 'accept';
    this.#resolve?.(accepted);
    this.#resolve = null;
    const back = this.#returnFocus;
    this.#returnFocus = null;
    // the button that opened the dialog may be gone (its row was deleted): then the page keeps focus
    if (back?.isConnected) {
      back.focus();
    } else {
      document.getElementById('main')?.focus();
    }
  }

  render() {
    const options = this.options;
    return html`<dialog class="dialog" data-test="confirm-dialog" aria-labelledby="confirm-title"
        aria-describedby="confirm-body" @close=${this.#closed}>
      ${options ? html`<form method="dialog" class="dialog__form">
        <h2 id="confirm-title" class="dialog__title">${options.title}</h2>
        <div id="confirm-body" class="dialog__body">
          ${(options.lines ?? []).map((line) => html`<p>${line}</p>`)}
        </div>
        <div class="dialog__actions">
          <button class="button" value="cancel" data-test="confirm-cancel">Cancel</button>
          <button class="button button--danger" value="accept" data-test="confirm-accept">${options.confirmLabel}</button>
        </div>
      </form>` : nothing}
    </dialog>`;
  }
}

customElements.define('confirm-dialog', ConfirmDialog);
