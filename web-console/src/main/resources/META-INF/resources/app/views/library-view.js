import { html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { listLibraryItems } from '../api.js';
import '../components/library-card.js';
import { LightElement } from '../light-element.js';
import { liveEvents } from '../live-events.js';
import { PagedList } from '../paged-list.js';
import { pagedListView } from '../paged-list-view.js';

/**
 * The library: what the user keeps for good (their own files, catalog images), newest first, as a grid.
 * Filters are the API's: favourites only, one tag. The tag field suggests the tags of the items seen so far.
 */
class LibraryView extends LightElement {
  static properties = {
    favourite: { state: true },
    tag: { state: true },
    knownTags: { state: true },
  };

  #items = new PagedList(this, (cursor) =>
    listLibraryItems({ favourite: this.favourite ? 'true' : null, tag: this.tag }, cursor));

  constructor() {
    super();
    this.favourite = false;
    this.tag = '';
    this.knownTags = [];
  }

  connectedCallback() {
    super.connectedCallback();
    document.title = 'Library · Renovation console';
    this.listen(liveEvents, 'resync', () => this.#items.load());
    this.#items.load();
  }

  willUpdate() {
    const tags = new Set(this.knownTags);
    this.#items.items.forEach((item) => (item.tags ?? []).forEach((tag) => tags.add(tag)));
    if (tags.size !== this.knownTags.length) {
      this.knownTags = [...tags].sort();
    }
  }

  #filter(changes) {
    Object.assign(this, changes);
    this.#items.load();
  }

  #tagSubmitted(event) {
    event.preventDefault();
    const tag = event.target.elements.tag.value.trim().toLowerCase();
    if (tag !== this.tag) {
      this.#filter({ tag });
    }
  }

  #changed(item) {
    this.#items.items = this.#items.items.map((known) => (known.id === item.id ? item : known));
  }

  #removed(id) {
    this.#items.items = this.#items.items.filter((known) => known.id !== id);
  }

  #filters() {
    return html`<form class="filters" role="search" aria-label="Filter the library" @submit=${this.#tagSubmitted}>
      <div class="field">
        <label class="field__label" for="library-tag">Tag</label>
        <input id="library-tag" name="tag" class="input" type="search" list="library-known-tags" data-test="library-tag"
          .value=${this.tag} placeholder="e.g. oak">
        <datalist id="library-known-tags">${this.knownTags.map((tag) => html`<option value=${tag}></option>`)}</datalist>
      </div>
      <button class="button" type="submit" data-test="library-tag-apply">Filter</button>
      <label class="check">
        <input type="checkbox" data-test="library-favourites" .checked=${this.favourite}
          @change=${(event) => this.#filter({ favourite: event.target.checked })}>
        Favourites only
      </label>
      ${this.favourite || this.tag ? html`<button class="button button--quiet" type="button"
        @click=${() => this.#filter({ favourite: false, tag: '' })}>Clear filters</button>` : nothing}
    </form>`;
  }

  #grid() {
    return pagedListView(this.#items, {
      failed: 'Your library could not be loaded', loading: 'Loading your library…',
      empty: this.favourite || this.tag
        ? html`<div class="empty"><p class="empty__title">Nothing in your library matches these filters.</p></div>`
        : html`<div class="empty"><p class="empty__title">Your library is empty.</p>
          <p>Keep images from your workspace, or save a room’s photos with “Save to library”.</p></div>`,
      items: (items) => html`<ul class="tiles" aria-label="Library items" @item-changed=${(event) => this.#changed(event.detail.item)}
          @item-removed=${(event) => this.#removed(event.detail.id)}>
          ${repeat(items, (item) => item.id, (item) => html`<li class="tiles__item"><library-card .item=${item}></library-card></li>`)}
        </ul>`,
    });
  }

  render() {
    return html`<section class="page">
      <header class="page__header"><div>
        <h1 class="page__title">Library</h1>
        <p class="page__lead">Everything you keep for good. Mark favourites, tag them, and gather them into collections.</p>
      </div>
      <div class="page__actions"><a class="button" href="#/collections">Your collections</a></div></header>
      ${this.#filters()}
      <section class="section" aria-busy=${this.#items.loading ? 'true' : 'false'}>${this.#grid()}</section>
    </section>`;
  }
}

customElements.define('library-view', LibraryView);
