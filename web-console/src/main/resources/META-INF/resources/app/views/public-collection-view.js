import { html, nothing } from 'lit';
import { pluralize } from '../format.js';
import { LightElement } from '../light-element.js';
import { PagedList } from '../paged-list.js';
import { messageOf } from '../problem.js';
import { getPublicCollection } from '../public-api.js';
import { publicItemGrid } from '../public-items.js';

/**
 * An unlisted or public collection as anyone sees it at its address (#/c/{slug}), without signing in: its
 * name, description, tags and images in its order. A private or unknown one is "not found", alike.
 */
class PublicCollectionView extends LightElement {
  static properties = {
    slug: { type: String },
    collection: { state: true },
  };

  // the first page comes with the collection itself; later ones are its items only
  #items = new PagedList(this, async (cursor) => {
    const page = await getPublicCollection(this.slug, cursor);
    if (!cursor) {
      this.collection = page;
      document.title = `${page.name} · Renovation console`;
    }
    return { items: page.items, nextCursor: page.nextCursor };
  }, { key: () => null }); // public items carry no id

  constructor() {
    super();
    this.collection = null;
  }

  connectedCallback() {
    super.connectedCallback();
    document.title = 'Collection · Renovation console';
    this.#items.load(null, {
      describe: (error) => (error.notFound ? 'There is no collection at this address, or it is private.' : messageOf(error)),
    });
  }

  render() {
    const { items, nextCursor, loading, error } = this.#items;
    const collection = this.collection;
    if (!collection) {
      return error ? html`<section class="page page--narrow"><h1 class="page__title">Collection unavailable</h1>
          <p role="alert" data-test="public-collection-error">${error}</p>
          <p><a href="#/discover">Discover public collections</a></p></section>`
        : html`<section class="page"><p class="loading" aria-busy="true">Loading the collection…</p></section>`;
    }
    return html`<section class="page">
      <header class="page__header"><div>
        <h1 class="page__title" data-test="public-collection-title">${collection.name}</h1>
        ${collection.description ? html`<p class="page__lead">${collection.description}</p>` : nothing}
        <p class="tags"><span class="chip chip--accent">${pluralize(collection.itemCount, 'image')}</span>
          ${(collection.tags ?? []).map((tag) => html`<span class="chip">${tag}</span>`)}</p>
      </div></header>
      ${items.length ? publicItemGrid(items, {
          label: `Images of ${collection.name}`,
          test: 'public-item',
          describe: (index) => `Image ${index + 1} of “${collection.name}”`,
        })
        : html`<div class="empty"><p class="empty__title">This collection has no images yet.</p></div>`}
      ${error ? html`<p class="field-error" role="alert">${error}</p>` : nothing}
      ${nextCursor ? html`<button class="button load-more" type="button" ?disabled=${loading}
        @click=${() => this.#items.load(nextCursor)}>${loading ? 'Loading…' : 'Load more images'}</button>` : nothing}
    </section>`;
  }
}

customElements.define('public-collection-view', PublicCollectionView);
