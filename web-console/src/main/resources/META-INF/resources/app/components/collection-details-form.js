import { html } from 'lit';
import { LightElement } from '../light-element.js';
import { formatTags, parseTags } from '../tags.js';

/**
 * A collection's name, description and tags, edited together. Fires 'details-save' {name, description, tags}
 * (the parent saves and closes it) and 'details-cancel'; Escape cancels.
 */
class CollectionDetailsForm extends LightElement {
  static properties = {
    collection: { attribute: false },
    busy: { type: Boolean },
    error: { state: true },
  };

  constructor() {
    super();
    this.busy = false;
    this.error = '';
  }

  firstUpdated() {
    this.querySelector('input[name="name"]').focus();
  }

  #submit(event) {
    event.preventDefault();
    const form = event.target;
    const name = form.elements.name.value.trim();
    if (!name) {
      this.error = 'The name cannot be empty.';
      form.elements.name.focus();
      return;
    }
    this.error = '';
    this.dispatchEvent(new CustomEvent('details-save', {
      bubbles: true,
      detail: { name, description: form.elements.description.value.trim(), tags: parseTags(form.elements.tags.value) },
    }));
  }

  #cancel() {
    this.dispatchEvent(new CustomEvent('details-cancel', { bubbles: true }));
  }

  render() {
    const collection = this.collection;
    return html`<form class="grid-fields" @submit=${this.#submit} novalidate
        @keydown=${(event) => { if (event.key === 'Escape') { this.#cancel(); } }}>
      <div class="field">
        <label class="field__label" for="collection-name">Name</label>
        <input id="collection-name" name="name" class="input" type="text" maxlength="200" required
          data-test="collection-name-input" .value=${collection.name} ?disabled=${this.busy}
          aria-invalid=${this.error ? 'true' : 'false'} aria-describedby="collection-details-error">
      </div>
      <div class="field">
        <label class="field__label" for="collection-tags">Tags</label>
        <input id="collection-tags" name="tags" class="input" type="text" .value=${formatTags(collection.tags)}
          ?disabled=${this.busy} aria-describedby="collection-tags-hint">
        <p class="field__hint" id="collection-tags-hint">Separate tags with commas.</p>
      </div>
      <div class="field field--wide">
        <label class="field__label" for="collection-description">Description</label>
        <textarea id="collection-description" name="description" class="input" rows="3" maxlength="2000"
          .value=${collection.description ?? ''} ?disabled=${this.busy}></textarea>
      </div>
      <p id="collection-details-error" class="field-error field--wide" role="alert">${this.error}</p>
      <div class="field--wide tile__actions">
        <button class="button button--primary" type="submit" data-test="save-collection" ?disabled=${this.busy}>Save</button>
        <button class="button" type="button" ?disabled=${this.busy} @click=${this.#cancel}>Cancel</button>
      </div>
    </form>`;
  }
}

customElements.define('collection-details-form', CollectionDetailsForm);
