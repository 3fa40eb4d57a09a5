import { html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { getStyle, listStyleImages, listStyles } from '../catalog-api.js';
import { pluralize } from '../format.js';
import { LightElement } from '../light-element.js';
import { PagedList } from '../paged-list.js';
import { picture } from '../pictures.js';
import { messageOf } from '../problem.js';
import { stylePath } from '../router.js';
import { humanize } from '../vocabulary.js';

/**
 * The public style catalog (no sign-in): styles, and the chosen style's images filtered by room type and tag.
 * The API has no list of a style's room types and tags, so the filters offer those of its images.
 */
class CatalogView extends LightElement {
  static properties = {
    slug: { type: String },
    styles: { state: true },
    stylesError: { state: true },
    style: { state: true },
    facets: { state: true },
    roomType: { state: true },
    tag: { state: true },
  };

  // the chosen style's images; filtering is the API's (roomType, tag)
  #images = new PagedList(this, (cursor) =>
    listStyleImages(this.style.slug, { roomType: this.roomType, tag: this.tag, cursor }));

  constructor() {
    super();
    this.slug = null;
    this.styles = null;
    this.stylesError = '';
    this.style = null;
    this.facets = { roomTypes: [], tags: [] };
    this.roomType = '';
    this.tag = '';
  }

  connectedCallback() {
    super.connectedCallback();
    document.title = 'Style catalog · Renovation console';
    this.#loadStyles();
  }

  willUpdate(changed) {
    if (changed.has('slug') && this.styles) {
      this.#selectStyle();
    }
  }

  async #loadStyles() {
    this.stylesError = '';
    try {
      const styles = [];
      let cursor = null;
      do {
        const page = await listStyles(cursor);
        styles.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor);
      this.styles = styles;
      this.#selectStyle();
    } catch (error) {
      this.stylesError = messageOf(error);
    }
  }

  /** The style in the address, or the first one: the page always shows some images. */
  #currentSlug() {
    return this.slug ?? this.styles?.[0]?.slug ?? null;
  }

  /** Shows the style with all its images, unfiltered; a load of the filtered images makes it moot, and the reverse. */
  #selectStyle() {
    const slug = this.#currentSlug();
    if (!slug || this.style?.slug === slug) {
      return;
    }
    this.style = { slug, name: this.styles.find((style) => style.slug === slug)?.name ?? humanize(slug) };
    this.roomType = '';
    this.tag = '';
    this.#images.items = [];
    this.#images.load(null, {
      fetchPage: () => this.#wholeStyle(slug),
      onShown: ({ style, items }) => {
        this.style = style;
        document.title = `${style.name} · Style catalog · Renovation console`;
        this.facets = {
          roomTypes: [...new Set(items.map((image) => image.roomType).filter(Boolean))].sort(),
          tags: [...new Set(items.flatMap((image) => image.tags ?? []))].sort(),
        };
      },
      describe: (error) => (error.notFound ? 'There is no such style in the catalog.' : messageOf(error)),
    });
  }

  /** The style and every image of it once, as one last page: the filters offer the room types and tags there are. */
  async #wholeStyle(slug) {
    const style = await getStyle(slug);
    const items = [...style.images];
    let cursor = style.nextCursor;
    while (cursor) {
      const page = await listStyleImages(slug, { cursor });
      items.push(...page.items);
      cursor = page.nextCursor;
    }
    return { style, items, nextCursor: null };
  }

  #filter(name, value) {
    this[name] = value;
    this.#images.load();
  }

  #styleList() {
    if (this.stylesError) {
      return html`<div class="empty" role="alert"><p>The catalog could not be loaded: ${this.stylesError}</p>
        <button class="button" type="button" @click=${() => this.#loadStyles()}>Try again</button></div>`;
    }
    if (!this.styles) {
      return html`<p class="loading" aria-busy="true">Loading styles…</p>`;
    }
    if (this.styles.length === 0) {
      return html`<div class="empty"><p class="empty__title">The catalog has no styles yet.</p></div>`;
    }
    const current = this.#currentSlug();
    return html`<ul class="style-list">
      ${repeat(this.styles, (style) => style.slug, (style) => html`<li>
        <a class="style-card" href="#${stylePath(style.slug)}" data-test="catalog-style"
          aria-current=${style.slug === current ? 'true' : 'false'}>
          <span class="style-card__name">${style.name}</span>
          <span class="style-card__description">${style.description}</span>
          <span class="style-card__count">${pluralize(style.imageCount, 'image')}</span>
        </a>
      </li>`)}
    </ul>`;
  }

  #image(image) {
    const alt = image.altText || image.caption || `${humanize(image.roomType)} in this style`;
    const shown = picture(image.variants, 'thumbnail', alt, {
      className: 'catalog-image__picture', sizes: '(min-width: 1100px) 320px, (min-width: 640px) 45vw, 100vw',
    });
    return html`<li class="catalog-image" data-test="catalog-image" data-image-id=${image.id}>
      <figure>
        ${shown === nothing && image.url ? html`<img class="catalog-image__picture" src=${image.url} alt=${alt} loading="lazy"
          width=${image.width ?? nothing} height=${image.height ?? nothing}>` : shown}
        <figcaption class="catalog-image__caption">
          ${image.caption ? html`<span>${image.caption}</span>` : nothing}
          <span class="tags">
            ${image.roomType ? html`<span class="chip chip--accent">${humanize(image.roomType)}</span>` : nothing}
            ${(image.tags ?? []).map((tag) => html`<span class="chip">${tag}</span>`)}
          </span>
        </figcaption>
      </figure>
    </li>`;
  }

  #imageSection() {
    if (!this.style) {
      return nothing;
    }
    const { items: images, nextCursor, loading, error } = this.#images;
    const filtered = this.roomType || this.tag;
    return html`<section class="section" aria-labelledby="style-heading" aria-busy=${loading ? 'true' : 'false'}>
      <h2 class="section__title" id="style-heading">${this.style.name}</h2>
      ${this.style.description ? html`<p class="page__lead">${this.style.description}</p>` : nothing}
      <div class="filters">
        <div class="field">
          <label class="field__label" for="catalog-room-type">Room type</label>
          <select id="catalog-room-type" class="input" data-test="catalog-room-type"
            @change=${(event) => this.#filter('roomType', event.target.value)}>
            <option value="" ?selected=${!this.roomType}>All room types</option>
            ${this.facets.roomTypes.map((type) => html`<option value=${type} ?selected=${type === this.roomType}>${humanize(type)}</option>`)}
          </select>
        </div>
        <div class="field">
          <label class="field__label" for="catalog-tag">Tag</label>
          <select id="catalog-tag" class="input" data-test="catalog-tag" @change=${(event) => this.#filter('tag', event.target.value)}>
            <option value="" ?selected=${!this.tag}>All tags</option>
            ${this.facets.tags.map((tag) => html`<option value=${tag} ?selected=${tag === this.tag}>${tag}</option>`)}
          </select>
        </div>
        ${filtered ? html`<button class="button button--quiet" type="button"
          @click=${() => { this.roomType = ''; this.tag = ''; this.#images.load(); }}>Clear filters</button>` : nothing}
      </div>
      ${error ? html`<p class="field-error" role="alert">${error}</p>` : nothing}
      ${loading && images.length === 0 ? html`<p class="loading">Loading images…</p>` : nothing}
      ${!loading && !error && images.length === 0 ? html`<div class="empty">
        <p class="empty__title">${filtered ? 'No images match these filters.' : 'This style has no images yet.'}</p></div>` : nothing}
      <ul class="catalog-grid" aria-label="Images of ${this.style.name}">
        ${repeat(images, (image) => image.id, (image) => this.#image(image))}
      </ul>
      ${nextCursor ? html`<button class="button load-more" type="button" ?disabled=${loading}
        @click=${() => this.#images.load(nextCursor)}>${loading ? 'Loading…' : 'Load more images'}</button>` : nothing}
    </section>`;
  }

  render() {
    return html`<section class="page">
      <header class="page__header"><div>
        <h1 class="page__title">Style catalog</h1>
        <p class="page__lead">Ideas for every room, free to browse. Pick a style, then narrow it down by room and tag.</p>
      </div></header>
      <div class="catalog-layout">
        <nav class="catalog-layout__styles" aria-label="Styles">${this.#styleList()}</nav>
        <div class="catalog-layout__images">${this.#imageSection()}</div>
      </div>
    </section>`;
  }
}

customElements.define('catalog-view', CatalogView);
