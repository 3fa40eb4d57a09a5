import { html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { announce } from '../announcer.js';
import { LightElement } from '../light-element.js';
import { createOrder } from '../orders-api.js';
import { messageOf } from '../problem.js';
import { navigate, orderPath } from '../router.js';
import { PROCESSING_SERVICES } from '../vocabulary.js';

/** Kinds of file the provider can process: pictures. */
const ORDERABLE_TYPES = ['photo', 'render'];

/**
 * Orders paid processing of some of a room's photos: pick them and the service, place the order, then pay it on
 * the order's page. Only files already in (checked) can be ordered.
 */
class OrderForm extends LightElement {
  static properties = {
    assets: { attribute: false },
    sessionId: { type: String },
    service: { state: true },
    selected: { state: true },
    busy: { state: true },
    error: { state: true },
  };

  constructor() {
    super();
    this.assets = null;
    this.service = PROCESSING_SERVICES[0].value;
    this.selected = new Set();
    this.busy = false;
    this.error = '';
  }

  #offered() {
    return (this.assets ?? []).filter((asset) => ORDERABLE_TYPES.includes(asset.assetType)
      && ['processing', 'ready'].includes(asset.status));
  }

  willUpdate() {
    const offered = new Set(this.#offered().map((asset) => asset.id));
    if ([...this.selected].some((id) => !offered.has(id))) {
      this.selected = new Set([...this.selected].filter((id) => offered.has(id)));
    }
  }

  #toggle(id, checked) {
    const next = new Set(this.selected);
    if (checked) {
      next.add(id);
    } else {
      next.delete(id);
    }
    this.selected = next;
    this.error = '';
  }

  async #submit(event) {
    event.preventDefault();
    if (this.selected.size === 0) {
      this.error = 'Pick at least one photo.';
      return;
    }
    this.busy = true;
    this.error = '';
    try {
      const order = await createOrder({
        sessionId: this.sessionId,
        items: [...this.selected].map((assetId) => ({ assetId, service: this.service })),
      });
      announce(`Order ${order.number} is placed. Pay it to start the processing.`);
      navigate(orderPath(order.id));
    } catch (error) {
      this.error = messageOf(error);
    } finally {
      this.busy = false;
    }
  }

  render() {
    const offered = this.#offered();
    if (offered.length === 0) {
      return html`<p class="field__hint">Upload photos first: an order processes photos that are in.</p>`;
    }
    return html`<form class="stack" data-test="order-form" @submit=${this.#submit} novalidate>
      <fieldset class="fieldset">
        <legend>Service</legend>
        ${PROCESSING_SERVICES.map((service) => html`<label class="check">
          <input type="radio" name="service" value=${service.value} data-test="order-service-${service.value}"
            .checked=${this.service === service.value} @change=${() => { this.service = service.value; }}>
          <span><strong>${service.label}</strong> — ${service.hint}</span></label>`)}
      </fieldset>
      <fieldset class="fieldset link-files">
        <legend>Photos <span class="section__count">${this.selected.size}</span></legend>
        <ul class="link-files__list">${repeat(offered, (asset) => asset.id, (asset) => html`<li>
          <label class="check"><input type="checkbox" data-test="order-asset" value=${asset.id}
            .checked=${this.selected.has(asset.id)} @change=${(e) => this.#toggle(asset.id, e.target.checked)}>
            ${asset.originalFilename}${asset.expiresAt ? html` <span class="chip">temporary</span>` : nothing}</label></li>`)}
        </ul>
      </fieldset>
      <p class="field-error" role="alert" data-test="order-error">${this.error}</p>
      <div><button class="button button--primary" type="submit" data-test="place-order" ?disabled=${this.busy}>
        ${this.busy ? 'Placing…' : 'Place order'}</button></div>
    </form>`;
  }
}

customElements.define('order-form', OrderForm);
