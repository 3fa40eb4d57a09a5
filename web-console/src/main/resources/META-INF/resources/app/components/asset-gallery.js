import { html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { LightElement } from '../light-element.js';
import { altTextOf, picture } from '../pictures.js';
import { messageOf } from '../problem.js';
import { videoPlayer, webVideoOf } from '../videos.js';
import './asset-card.js';

/**
 * The room's assets as cards in display order, and a large view in a dialog: the optimized variant, or for a video
 * its web MP4 in a player.
 */
class AssetGallery extends LightElement {
  static properties = {
    store: { attribute: false },
    assets: { attribute: false },
    openId: { state: true },
  };

  constructor() {
    super();
    this.assets = [];
    this.openId = null;
  }

  async #open(event) {
    this.openId = event.detail.id;
    await this.updateComplete;
    this.querySelector('.lightbox')?.showModal();
  }

  #lightbox() {
    const asset = this.openId ? this.store.get(this.openId) : null;
    return html`<dialog class="lightbox" aria-label=${asset ? `Large view: ${altTextOf(asset)}` : 'Large view'}
        @close=${() => { this.openId = null; }}>
      ${asset ? html`<figure class="lightbox__figure">
        ${webVideoOf(asset) ? videoPlayer(asset, { className: 'lightbox__video', label: altTextOf(asset) })
          : picture(asset.variants, 'optimized', altTextOf(asset), { loading: 'eager', className: 'lightbox__picture' })}
        <figcaption class="lightbox__caption">${asset.caption || asset.originalFilename}</figcaption>
      </figure>` : nothing}
      <form method="dialog"><button class="button lightbox__close" value="close">Close</button></form>
    </dialog>`;
  }

  #content() {
    const store = this.store;
    if (store.error && this.assets.length === 0) {
      return html`<div class="empty" role="alert"><p>The room’s files could not be loaded: ${messageOf(store.error)}</p>
        <button class="button" type="button" @click=${() => store.load()}>Try again</button></div>`;
    }
    if (!store.loaded) {
      return html`<p class="loading" aria-busy="true">Loading the room’s files…</p>`;
    }
    if (this.assets.length === 0) {
      return html`<div class="empty"><p class="empty__title">No photos yet — drop the first ones above.</p>
        <p>Photos, floor plans, renders and documents you upload appear here, with their sizes made for the web.</p></div>`;
    }
    return html`<ol class="gallery" @asset-open=${this.#open}>
      ${repeat(this.assets, (asset) => asset.id, (asset, index) => html`<li class="gallery__item">
        <asset-card .asset=${asset} .index=${index} .count=${this.assets.length} .store=${store}></asset-card>
      </li>`)}
    </ol>`;
  }

  render() {
    return html`${this.#content()}${this.#lightbox()}`;
  }
}

customElements.define('asset-gallery', AssetGallery);
