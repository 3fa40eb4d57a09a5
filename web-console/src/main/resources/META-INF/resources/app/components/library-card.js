import { html, nothing } from 'lit';
import { announce } from '../announcer.js';
import { deleteLibraryItem, updateLibraryItem } from '../api.js';
import { LightElement } from '../light-element.js';
import { thumbnail } from '../pictures.js';
import { messageOf } from '../problem.js';
import { historyPath } from '../router.js';
import { formatTags, parseTags } from '../tags.js';
import { askConfirmation } from './confirm-dialog.js';

/**
 * One library item: its picture, title and tags, a favourite toggle, an inline edit of title and tags, removal.
 * Fires 'item-changed' {item} with the API's answer and 'item-removed' {id}; the list owns the items.
 */
class LibraryCard extends LightElement {
  static properties = {
    item: { attribute: false },
    editing: { state: true },
    busy: { state: true },
    errors: { state: true },
  };

  constructor() {
    super();
    this.editing = false;
    this.busy = false;
    this.errors = {};
  }

  #emit(name, detail) {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true }));
  }

  async #patch(changes) {
    this.busy = true;
    try {
      const item = await updateLibraryItem(this.item.id, changes);
      this.#emit('item-changed', { item });
      return item;
    } finally {
      this.busy = false;
    }
  }

  async #toggleFavourite() {
    const favourite = !this.item.favourite;
    try {
      await this.#patch({ favourite });
      announce(favourite ? `${this.item.title} added to your favourites.` : `${this.item.title} is no longer a favourite.`);
    } catch (error) {
      announce(`The favourite could not be saved: ${messageOf(error)}`, { tone: 'error', timeout: 8000 });
    }
  }

  async #save(event) {
    event.preventDefault();
    const form = event.target;
    const customTitle = form.elements.customTitle.value.trim();
    const tags = parseTags(form.elements.tags.value);
    this.errors = {};
    try {
      const item = await this.#patch({ customTitle, tags }); // "" clears the title: the file name shows again
      this.editing = false;
      announce(`${item.title} saved.`);
      this.updateComplete.then(() => this.querySelector('[data-test="library-edit"]')?.focus());
    } catch (error) {
      const tagError = error.fieldErrors?.find((entry) => entry.field?.startsWith('tags'))?.message;
      this.errors = { customTitle: error.fieldError?.('customTitle') ?? '', tags: tagError ?? '' };
      if (!this.errors.customTitle && !this.errors.tags) {
        this.errors = { form: messageOf(error) };
      }
    }
  }

  async #remove() {
    const accepted = await askConfirmation({
      title: `Remove “${this.item.title}” from your library?`,
      lines: ['It leaves every collection it is in. The file itself stays where it was uploaded.'],
      confirmLabel: 'Remove',
    });
    if (!accepted) {
      return;
    }
    this.busy = true;
    try {
      await deleteLibraryItem(this.item.id);
      this.#emit('item-removed', { id: this.item.id });
      announce(`${this.item.title} removed from your library.`);
    } catch (error) {
      this.busy = false;
      announce(`${this.item.title} could not be removed: ${messageOf(error)}`, { tone: 'error', timeout: 8000 });
    }
  }

  #editForm() {
    const id = `library-${this.item.id}`;
    return html`<form class="stack" @submit=${this.#save}
        @keydown=${(event) => { if (event.key === 'Escape') { this.editing = false; } }}>
      <div class="field field--compact">
        <label class="field__label" for="${id}-title">Title</label>
        <input id="${id}-title" name="customTitle" class="input" type="text" maxlength="200" data-test="library-title-input"
          .value=${this.item.customTitle ?? ''} placeholder=${this.item.title} ?disabled=${this.busy}
          aria-invalid=${this.errors.customTitle ? 'true' : 'false'} aria-describedby="${id}-title-error">
        <p id="${id}-title-error" class="field-error" role="alert">${this.errors.customTitle ?? ''}</p>
      </div>
      <div class="field field--compact">
        <label class="field__label" for="${id}-tags">Tags</label>
        <input id="${id}-tags" name="tags" class="input" type="text" data-test="library-tags-input"
          .value=${formatTags(this.item.tags)} placeholder="e.g. oak, kitchen" ?disabled=${this.busy}
          aria-invalid=${this.errors.tags ? 'true' : 'false'} aria-describedby="${id}-tags-hint ${id}-tags-error">
        <p id="${id}-tags-hint" class="field__hint">Separate tags with commas.</p>
        <p id="${id}-tags-error" class="field-error" role="alert">${this.errors.tags ?? ''}</p>
      </div>
      ${this.errors.form ? html`<p class="field-error" role="alert">${this.errors.form}</p>` : nothing}
      <div class="tile__actions">
        <button class="button button--primary" type="submit" data-test="library-save" ?disabled=${this.busy}>Save</button>
        <button class="button" type="button" ?disabled=${this.busy} @click=${() => { this.editing = false; }}>Cancel</button>
      </div>
    </form>`;
  }

  updated(changed) {
    if (changed.has('editing') && this.editing) {
      this.querySelector('[data-test="library-title-input"]')?.focus();
    }
  }

  render() {
    const item = this.item;
    return html`<article class="tile" data-test="library-item" data-id=${item.id}
        data-favourite=${item.favourite ? 'true' : 'false'} aria-busy=${this.busy ? 'true' : 'false'}>
      <div class="tile__media">
        ${thumbnail(item.variants, item.title)}
        <button class="favourite" type="button" data-test="library-favourite" aria-pressed=${item.favourite ? 'true' : 'false'}
          aria-label="Favourite ${item.title}" ?disabled=${this.busy} @click=${this.#toggleFavourite}>
          <span aria-hidden="true">${item.favourite ? '★' : '☆'}</span>
        </button>
      </div>
      <div class="tile__body">
        ${this.editing ? this.#editForm() : html`
          <h3 class="tile__title" data-test="library-title">${item.title}</h3>
          ${item.tags?.length ? html`<p class="tags" data-test="library-tags">
            ${item.tags.map((tag) => html`<span class="chip">${tag}</span>`)}</p>` : nothing}
          <div class="tile__actions">
            <button class="button button--quiet" type="button" data-test="library-edit" aria-label="Edit ${item.title}"
              @click=${() => { this.editing = true; this.errors = {}; }}>Edit</button>
            <a class="button button--quiet" href="#${historyPath('library_item', item.id)}" aria-label="History of ${item.title}">History</a>
            <button class="button button--quiet button--danger-text" type="button" data-test="library-remove"
              aria-label="Remove ${item.title} from your library" ?disabled=${this.busy} @click=${this.#remove}>Remove</button>
          </div>`}
      </div>
    </article>`;
  }
}

customElements.define('library-card', LibraryCard);
