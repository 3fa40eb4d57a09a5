import { html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { announce } from '../announcer.js';
import { createCollection, listCollections } from '../api.js';
import { pluralize } from '../format.js';
import { LightElement } from '../light-element.js';
import { liveEvents } from '../live-events.js';
import { PagedList } from '../paged-list.js';
import { pagedListView } from '../paged-list-view.js';
import { messageOf } from '../problem.js';
import { collectionPath } from '../router.js';
import { parseTags } from '../tags.js';
import { VISIBILITIES, visibilityOf } from '../vocabulary.js';

/** The user's collections (moodboards), newest first, with their item counts; a form makes a new one. */
class CollectionsView extends LightElement {
  static properties = {
    creating: { state: true },
    errors: { state: true },
  };

  #collections = new PagedList(this, (cursor) => listCollections(cursor));

  constructor() {
    super();
    this.creating = false;
    this.errors = {};
  }

  connectedCallback() {
    super.connectedCallback();
    document.title = 'Collections · Renovation console';
    this.listen(liveEvents, 'resync', () => this.#collections.load());
    this.#collections.load();
  }

  async #create(event) {
    event.preventDefault();
    const form = event.target;
    const name = form.elements.name.value.trim();
    if (!name) {
      this.errors = { name: 'Give the collection a name, e.g. “Warm kitchens”.' };
      form.elements.name.focus();
      return;
    }
    this.creating = true;
    this.errors = {};
    try {
      const collection = await createCollection({
        name,
        description: form.elements.description.value.trim() || undefined,
        visibility: form.elements.visibility.value,
        tags: parseTags(form.elements.tags.value),
      });
      this.#collections.items = [collection, ...this.#collections.items.filter((known) => known.id !== collection.id)];
      form.reset();
      announce(`Collection “${collection.name}” created.`);
    } catch (error) {
      const fields = ['name', 'description', 'visibility', 'tags'];
      const errors = Object.fromEntries(fields.map((field) => [field, error.fieldError?.(field) ?? '']));
      this.errors = fields.some((field) => errors[field]) ? errors : { form: messageOf(error) };
    } finally {
      this.creating = false;
    }
  }

  #field(name, label, control, hint) {
    return html`<div class="field">
      <label class="field__label" for="new-collection-${name}">${label}</label>
      ${control}
      ${hint ? html`<p class="field__hint" id="new-collection-${name}-hint">${hint}</p>` : nothing}
      <p class="field-error" id="new-collection-${name}-error" role="alert">${this.errors[name] ?? ''}</p>
    </div>`;
  }

  #form() {
    const invalid = (name) => (this.errors[name] ? 'true' : 'false');
    return html`<form class="card card--padded grid-fields" @submit=${this.#create} novalidate
        aria-labelledby="new-collection-heading">
      <h2 class="section__title field--wide" id="new-collection-heading">New collection</h2>
      ${this.#field('name', 'Name', html`<input id="new-collection-name" name="name" class="input" type="text"
        maxlength="200" required data-test="new-collection-name" ?disabled=${this.creating}
        aria-invalid=${invalid('name')} aria-describedby="new-collection-name-error">`)}
      ${this.#field('visibility', 'Who can see it', html`<select id="new-collection-visibility" name="visibility"
        class="input" data-test="new-collection-visibility" ?disabled=${this.creating}
        aria-describedby="new-collection-visibility-error">
        ${VISIBILITIES.map((visibility) => html`<option value=${visibility.value}>${visibility.label} — ${visibility.hint}</option>`)}
      </select>`)}
      <div class="field--wide">${this.#field('description', 'Description', html`<textarea id="new-collection-description"
        name="description" class="input" rows="2" maxlength="2000" data-test="new-collection-description"
        ?disabled=${this.creating} aria-invalid=${invalid('description')}
        aria-describedby="new-collection-description-error"></textarea>`)}</div>
      ${this.#field('tags', 'Tags', html`<input id="new-collection-tags" name="tags" class="input" type="text"
        data-test="new-collection-tags" placeholder="e.g. kitchen, oak" ?disabled=${this.creating}
        aria-invalid=${invalid('tags')} aria-describedby="new-collection-tags-hint new-collection-tags-error">`,
        'Separate tags with commas.')}
      <div class="field--wide">
        ${this.errors.form ? html`<p class="field-error" role="alert">${this.errors.form}</p>` : nothing}
        <button class="button button--primary" type="submit" data-test="create-collection" ?disabled=${this.creating}>
          ${this.creating ? 'Creating…' : 'Create collection'}</button>
      </div>
    </form>`;
  }

  #item(collection) {
    const visibility = visibilityOf(collection.visibility);
    return html`<li class="list-row" data-id=${collection.id}>
      <a class="list-row__link collection-row" href="#${collectionPath(collection.id)}" data-test="collection-item">
        ${collection.coverUrl ? html`<img class="collection-row__cover" src=${collection.coverUrl}
            alt="Cover of ${collection.name}" loading="lazy">`
          : html`<span class="collection-row__cover collection-row__cover--empty" aria-hidden="true"></span>`}
        <span class="collection-row__text">
          <span class="list-row__title">${collection.name}</span>
          <span class="list-row__meta"><span data-test="collection-count">${pluralize(collection.itemCount, 'item')}</span>
            · <span class="chip">${visibility.label}</span></span>
        </span>
      </a>
    </li>`;
  }

  #list() {
    return pagedListView(this.#collections, {
      failed: 'Your collections could not be loaded', loading: 'Loading your collections…',
      more: 'Load more collections',
      empty: html`<div class="empty"><p class="empty__title">No collections yet — make the first one above.</p>
        <p>A collection gathers library images into a moodboard you can share.</p></div>`,
      items: (items) => html`<ul class="list" aria-label="Collections">${repeat(items, (item) => item.id, (item) => this.#item(item))}</ul>`,
    });
  }

  render() {
    return html`<section class="page">
      <header class="page__header"><div>
        <h1 class="page__title">Collections</h1>
        <p class="page__lead">Moodboards of your library images: keep them private, or share them by address or publicly.</p>
      </div>
      <div class="page__actions"><a class="button" href="#/discover">Discover public collections</a></div></header>
      ${this.#form()}
      <section class="section" aria-labelledby="collections-heading">
        <h2 class="section__title" id="collections-heading">Your collections</h2>
        ${this.#list()}
      </section>
    </section>`;
  }
}

customElements.define('collections-view', CollectionsView);
