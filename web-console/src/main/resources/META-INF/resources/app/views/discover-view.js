import { html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { pluralize } from '../format.js';
import { LightElement } from '../light-element.js';
import { PagedList } from '../paged-list.js';
import { pagedListView } from '../paged-list-view.js';
import { listPublicCollections } from '../public-api.js';
import { publicCollectionPath } from '../router.js';

/** Public collections anyone may browse without signing in, newest first, narrowed to one tag on request. */
class DiscoverView extends LightElement {
  static properties = { tag: { state: true } };

  #collections = new PagedList(this, (cursor) => listPublicCollections({ tag: this.tag }, cursor),
    { key: (collection) => collection.slug });

  constructor() {
    super();
    this.tag = '';
  }

  connectedCallback() {
    super.connectedCallback();
    document.title = 'Discover · Renovation console';
    this.#collections.load();
  }

  #filter(event) {
    event.preventDefault();
    this.tag = event.target.elements.tag.value.trim().toLowerCase();
    this.#collections.load();
  }

  #card(collection) {
    return html`<li>
      <a class="discover-card" href="#${publicCollectionPath(collection.slug)}" data-test="discover-item">
        ${collection.coverUrl ? html`<img class="discover-card__cover" src=${collection.coverUrl} alt="Cover of ${collection.name}"
            loading="lazy">` : html`<span class="discover-card__cover discover-card__cover--empty" aria-hidden="true"></span>`}
        <span class="discover-card__name">${collection.name}</span>
        ${collection.description ? html`<span class="discover-card__description">${collection.description}</span>` : nothing}
        <span class="tags"><span class="chip chip--accent">${pluralize(collection.itemCount, 'image')}</span>
          ${(collection.tags ?? []).map((tag) => html`<span class="chip">${tag}</span>`)}</span>
      </a>
    </li>`;
  }

  #list() {
    return pagedListView(this.#collections, {
      failed: 'Public collections could not be loaded', loading: 'Loading public collections…',
      more: 'Load more collections',
      empty: html`<div class="empty"><p class="empty__title">${this.tag ? `No public collection is tagged “${this.tag}”.`
        : 'No public collections yet.'}</p></div>`,
      items: (items) => html`<ul class="discover-grid" aria-label="Public collections">
        ${repeat(items, (collection) => collection.slug, (collection) => this.#card(collection))}</ul>`,
    });
  }

  render() {
    return html`<section class="page">
      <header class="page__header"><div>
        <h1 class="page__title">Discover</h1>
        <p class="page__lead">Moodboards people chose to share with everyone.</p>
      </div></header>
      <form class="filters" role="search" aria-label="Filter public collections" @submit=${this.#filter}>
        <div class="field">
          <label class="field__label" for="discover-tag">Tag</label>
          <input id="discover-tag" name="tag" class="input" type="search" data-test="discover-tag" placeholder="e.g. kitchen"
            .value=${this.tag}>
        </div>
        <button class="button" type="submit" data-test="discover-filter">Filter</button>
      </form>
      <section class="section" aria-busy=${this.#collections.loading ? 'true' : 'false'}>${this.#list()}</section>
    </section>`;
  }
}

customElements.define('discover-view', DiscoverView);
