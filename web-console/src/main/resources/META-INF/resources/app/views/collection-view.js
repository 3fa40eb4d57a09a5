import { html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { announce } from '../announcer.js';
import {
  addToCollection, allPages, deleteCollection, getCollection, listCollectionItems, listLibraryItems,
  removeFromCollection, reorderCollection, updateCollection,
} from '../api.js';
import '../components/collection-details-form.js';
import { askConfirmation } from '../components/confirm-dialog.js';
import '../components/copy-field.js';
import '../components/link-creator.js';
import { pluralize } from '../format.js';
import { LightElement } from '../light-element.js';
import { PagedList } from '../paged-list.js';
import { thumbnail } from '../pictures.js';
import { messageOf } from '../problem.js';
import { absoluteUrl, historyPath, navigate, publicCollectionPath } from '../router.js';
import { VISIBILITIES, visibilityOf } from '../vocabulary.js';

/**
 * One collection: its items in order (move, remove, choose the cover), who can see it (and its public address
 * to copy), its details, links to it, and the library items to add. The whole order is written at once (the
 * API takes a permutation), so every item is loaded: a collection holds at most 1000.
 */
class CollectionView extends LightElement {
  static properties = {
    collectionId: { type: String },
    collection: { state: true },
    items: { state: true },
    loadError: { state: true },
    editing: { state: true },
    busy: { state: true },
  };

  #library = new PagedList(this, (cursor) => listLibraryItems({}, cursor));

  constructor() {
    super();
    this.collection = null;
    this.items = null;
    this.loadError = null;
    this.editing = false;
    this.busy = false;
  }

  connectedCallback() {
    super.connectedCallback();
    document.title = 'Collection · Renovation console';
    this.#load();
  }

  async #load() {
    try {
      const [collection, items] = await Promise.all([
        getCollection(this.collectionId),
        allPages((cursor, limit) => listCollectionItems(this.collectionId, cursor, limit)),
      ]);
      this.#show(collection);
      this.items = items;
      this.loadError = null;
    } catch (error) {
      this.loadError = error;
      return;
    }
    this.#library.load();
  }

  #show(collection) {
    this.collection = collection;
    document.title = `${collection.name} · Collections · Renovation console`;
  }

  /** Runs one change; its failure is announced, and the items are read again when they may have moved. */
  async #change(work, failure, { reload = false } = {}) {
    this.busy = true;
    try {
      await work();
    } catch (error) {
      announce(`${failure}: ${messageOf(error)}`, { tone: 'error', timeout: 8000 });
      if (reload) {
        this.#load();
      }
    } finally {
      this.busy = false;
    }
  }

  #move(item, delta) {
    const from = this.items.findIndex((known) => known.id === item.id);
    const to = from + delta;
    if (this.busy || from < 0 || to < 0 || to >= this.items.length) {
      return null; // one order at a time: two in flight could land in either order
    }
    const order = [...this.items];
    order.splice(to, 0, order.splice(from, 1)[0]);
    this.items = order; // shown at once; the answer confirms it
    requestAnimationFrame(() => this.querySelector(`[data-id="${item.id}"] [data-test="${delta < 0 ? 'move-up' : 'move-down'}"]`)?.focus());
    return this.#change(async () => {
      this.#show(await reorderCollection(this.collectionId, order.map((known) => known.id)));
      announce(`${item.title} moved to position ${to + 1} of ${order.length}.`);
    }, 'The order could not be saved', { reload: true });
  }

  #remove(item) {
    return this.#change(async () => {
      await removeFromCollection(this.collectionId, item.id);
      this.items = this.items.filter((known) => known.id !== item.id);
      this.#show(await getCollection(this.collectionId)); // its count and perhaps its cover changed
      announce(`${item.title} removed from the collection.`);
    }, `${item.title} could not be removed`, { reload: true });
  }

  #add(item) {
    return this.#change(async () => {
      this.#show(await addToCollection(this.collectionId, item.id));
      this.items = [...this.items.filter((known) => known.id !== item.id), item];
      announce(`${item.title} added to “${this.collection.name}”.`);
    }, `${item.title} could not be added`, { reload: true });
  }

  #setCover(item) {
    return this.#change(async () => {
      this.#show(await updateCollection(this.collectionId, { coverItemId: item.id }));
      announce(`${item.title} is the cover now.`);
    }, 'The cover could not be set');
  }

  #setVisibility(event) {
    const visibility = event.target.value;
    return this.#change(async () => {
      this.#show(await updateCollection(this.collectionId, { visibility }));
      announce(`The collection is ${visibilityOf(visibility).label.toLowerCase()} now.`);
    }, 'Who can see it could not be changed', { reload: true });
  }

  #saveDetails(changes) {
    return this.#change(async () => {
      this.#show(await updateCollection(this.collectionId, changes));
      this.editing = false;
      announce('The collection’s details are saved.');
    }, 'The details could not be saved');
  }

  async #delete() {
    const accepted = await askConfirmation({
      title: `Delete the collection “${this.collection.name}”?`,
      lines: ['Its public address stops working. The images stay in your library.'],
      confirmLabel: 'Delete collection',
    });
    if (accepted) {
      await this.#change(async () => {
        await deleteCollection(this.collectionId);
        announce(`Collection “${this.collection.name}” deleted.`);
        navigate('/collections');
      }, 'The collection could not be deleted');
    }
  }

  #header() {
    const collection = this.collection;
    return html`<nav class="breadcrumbs" aria-label="Breadcrumb">
        <a href="#/collections">Collections</a><span aria-hidden="true">/</span><span aria-current="page">${collection.name}</span>
      </nav>
      <header class="page__header">
        <div>
          <h1 class="page__title" data-test="collection-title">${collection.name}</h1>
          ${collection.description ? html`<p class="page__lead">${collection.description}</p>` : nothing}
          <p class="tags">
            <span class="chip chip--accent" data-test="collection-count">${pluralize(collection.itemCount, 'item')}</span>
            ${(collection.tags ?? []).map((tag) => html`<span class="chip">${tag}</span>`)}
          </p>
        </div>
        <div class="page__actions">
          <button class="button" type="button" data-test="edit-collection" ?disabled=${this.editing}
            @click=${() => { this.editing = true; }}>Edit details</button>
          <a class="button button--quiet" href="#${historyPath('collection', collection.id)}">History</a>
          <button class="button button--danger" type="button" data-test="delete-collection" ?disabled=${this.busy}
            @click=${this.#delete}>Delete</button>
        </div>
      </header>
      ${this.editing ? html`<collection-details-form class="card card--padded" .collection=${collection} ?busy=${this.busy}
        @details-save=${(event) => this.#saveDetails(event.detail)}
        @details-cancel=${() => { this.editing = false; }}></collection-details-form>` : nothing}`;
  }

  #visibility() {
    const collection = this.collection;
    const reachable = collection.visibility !== 'private';
    return html`<section class="section card card--padded" aria-labelledby="visibility-heading">
      <h2 class="section__title" id="visibility-heading">Who can see it</h2>
      <div class="field">
        <label class="field__label" for="collection-visibility">Visibility</label>
        <select id="collection-visibility" class="input" data-test="collection-visibility" ?disabled=${this.busy}
          aria-describedby="collection-visibility-hint" @change=${this.#setVisibility}>
          ${VISIBILITIES.map((visibility) => html`<option value=${visibility.value}
            ?selected=${visibility.value === collection.visibility}>${visibility.label}</option>`)}
        </select>
        <p class="field__hint" id="collection-visibility-hint">${visibilityOf(collection.visibility).hint}</p>
      </div>
      ${reachable ? html`<copy-field .value=${absoluteUrl(publicCollectionPath(collection.slug))} label="Public address"
          test="collection-public-url"></copy-field>
        <p><a href="#${publicCollectionPath(collection.slug)}" data-test="open-public-page">Open the public page</a></p>` : nothing}
    </section>`;
  }

  #entry(item, index) {
    const cover = this.collection.coverItemId === item.id;
    const last = index === this.items.length - 1;
    return html`<li class="collection-entry" data-test="collection-entry" data-id=${item.id}>
      <div class="collection-entry__media">${thumbnail(item.variants, item.title)}</div>
      <div class="collection-entry__body">
        <p class="collection-entry__title"><span class="collection-entry__position">${index + 1}.</span>
          <span data-test="collection-entry-title">${item.title}</span>
          ${cover ? html`<span class="chip chip--accent">Cover</span>` : nothing}</p>
        <div class="tile__actions">
          <div class="button-group" role="group" aria-label="Position of ${item.title}">
            <button class="button button--icon" type="button" data-test="move-up" aria-label="Move ${item.title} up"
              aria-disabled=${index === 0 ? 'true' : 'false'} @click=${() => index > 0 && this.#move(item, -1)}>
              <span aria-hidden="true">↑</span></button>
            <button class="button button--icon" type="button" data-test="move-down" aria-label="Move ${item.title} down"
              aria-disabled=${last ? 'true' : 'false'} @click=${() => !last && this.#move(item, 1)}>
              <span aria-hidden="true">↓</span></button>
          </div>
          <button class="button button--quiet" type="button" data-test="set-cover" aria-pressed=${cover ? 'true' : 'false'}
            aria-label="Use ${item.title} as the cover" ?disabled=${this.busy} @click=${() => this.#setCover(item)}>
            ${cover ? 'Cover' : 'Set as cover'}</button>
          <button class="button button--quiet button--danger-text" type="button" data-test="remove-from-collection"
            aria-label="Remove ${item.title} from the collection" ?disabled=${this.busy}
            @click=${() => this.#remove(item)}>Remove</button>
        </div>
      </div>
    </li>`;
  }

  #items() {
    if (this.items.length === 0) {
      return html`<div class="empty"><p class="empty__title">This collection is empty.</p>
        <p>Add images from your library below.</p></div>`;
    }
    return html`<ol class="collection-entries" aria-label="Items of ${this.collection.name}">
      ${repeat(this.items, (item) => item.id, (item, index) => this.#entry(item, index))}</ol>`;
  }

  #picker() {
    const inCollection = new Set(this.items.map((item) => item.id));
    const { items, nextCursor, loading, error } = this.#library;
    const candidates = items.filter((item) => !inCollection.has(item.id));
    let content;
    if (error && items.length === 0) {
      content = html`<p role="alert">Your library could not be loaded: ${error}</p>`;
    } else if (loading && items.length === 0) {
      content = html`<p class="loading">Loading your library…</p>`;
    } else if (candidates.length === 0) {
      content = html`<p class="field__hint">${items.length === 0 ? html`Your library is empty: keep images from your
        <a href="#/workspace">workspace</a> or save a room’s photos first.` : 'Everything loaded from your library is in it.'}</p>`;
    } else {
      content = html`<ul class="picker">${repeat(candidates, (item) => item.id, (item) => html`<li class="picker__item" data-test="library-candidate" data-id=${item.id}>
        ${thumbnail(item.variants, item.title, { className: 'picker__picture' })}
        <span class="picker__title">${item.title}</span>
        <button class="button" type="button" data-test="add-to-collection" ?disabled=${this.busy}
          aria-label="Add ${item.title} to ${this.collection.name}" @click=${() => this.#add(item)}>Add</button>
      </li>`)}</ul>`;
    }
    return html`<section class="section" aria-labelledby="picker-heading">
      <h2 class="section__title" id="picker-heading">Add from your library</h2>
      ${content}
      ${nextCursor ? html`<button class="button load-more" type="button" ?disabled=${loading}
        @click=${() => this.#library.load(nextCursor)}>${loading ? 'Loading…' : 'Load more'}</button>` : nothing}
    </section>`;
  }

  render() {
    if (this.loadError) {
      return html`<section class="page page--narrow"><h1 class="page__title">Collection unavailable</h1>
        <p role="alert">${this.loadError.notFound ? 'This collection does not exist, or it was deleted.' : messageOf(this.loadError)}</p>
        <p><a href="#/collections">Back to your collections</a></p></section>`;
    }
    if (!this.collection || !this.items) {
      return html`<section class="page"><p class="loading" aria-busy="true">Loading the collection…</p></section>`;
    }
    return html`<section class="page">
      ${this.#header()}
      <section class="section" aria-labelledby="entries-heading">
        <h2 class="section__title" id="entries-heading">In this collection</h2>
        ${this.#items()}
      </section>
      <div class="room-columns">
        ${this.#visibility()}
        <section class="section card card--padded" aria-labelledby="collection-link-heading">
          <h2 class="section__title" id="collection-link-heading">Share or download</h2>
          <link-creator .collectionId=${this.collectionId}></link-creator>
        </section>
      </div>
      ${this.#picker()}
    </section>`;
  }
}

customElements.define('collection-view', CollectionView);
