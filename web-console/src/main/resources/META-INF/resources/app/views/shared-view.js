import { html, nothing } from 'lit';
import { formatDateTime, pluralize } from '../format.js';
import { LightElement } from '../light-element.js';
import { messageOf } from '../problem.js';
import { openShareLink } from '../public-api.js';
import { publicItemGrid } from '../public-items.js';

/**
 * What a share link shows, to anyone holding its address (#/s/{token}), signed in or not. Opening it counts as
 * one of the link's uses, so it is read once per visit, never again behind the person's back.
 */
class SharedView extends LightElement {
  static properties = {
    token: { type: String },
    shared: { state: true },
    error: { state: true },
  };

  constructor() {
    super();
    this.shared = null;
    this.error = null;
  }

  connectedCallback() {
    super.connectedCallback();
    document.title = 'Shared images · Renovation console';
    this.#load();
  }

  async #load() {
    try {
      this.shared = await openShareLink(this.token);
    } catch (error) {
      this.error = error;
    }
  }

  #failure() {
    let text = messageOf(this.error);
    if (this.error.status === 410) {
      text = 'This link no longer works: it expired, was used up, or its owner revoked it.';
    } else if (this.error.notFound) {
      text = 'There is no link at this address. Check that it was copied whole.';
    }
    return html`<section class="page page--narrow"><h1 class="page__title">Link unavailable</h1>
      <p role="alert" data-test="shared-error">${text}</p>
      <p><a href="#/discover">Discover public collections</a></p></section>`;
  }

  render() {
    if (this.error) {
      return this.#failure();
    }
    if (!this.shared) {
      return html`<section class="page"><p class="loading" aria-busy="true">Opening the link…</p></section>`;
    }
    const { items, expiresAt } = this.shared;
    return html`<section class="page">
      <header class="page__header"><div>
        <h1 class="page__title">Shared with you</h1>
        <p class="page__lead">${pluralize(items.length, 'image')}${expiresAt ? html` · this link works until
          ${formatDateTime(expiresAt)}` : nothing}. Each opening of the link counts as one of its uses.</p>
      </div></header>
      ${items.length ? publicItemGrid(items, { label: 'Shared images', test: 'shared-item' })
        : html`<div class="empty"><p class="empty__title">Nothing is shared here any more.</p></div>`}
    </section>`;
  }
}

customElements.define('shared-view', SharedView);
