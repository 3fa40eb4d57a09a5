import { LitElement } from 'lit';
import { Subscriptions } from './subscriptions.js';

/**
 * A Lit element that renders into itself rather than a shadow root, so the global stylesheet and Uppy's CSS
 * apply, and tests find every node from the document. What it subscribes to with listen() or onDisconnect()
 * (call them from connectedCallback) ends when it leaves the page, so a removed view hears no more events.
 */
export class LightElement extends LitElement {
  #subscriptions = new Subscriptions();

  createRenderRoot() {
    return this;
  }

  /** Hears source's `name` events until disconnected (source.on answers the unsubscribe, as liveEvents.on does). */
  listen(source, name, handler) {
    this.#subscriptions.listen(source, name, handler);
  }

  /** Calls cleanup once this element is disconnected (for subscriptions that are not a listen()). */
  onDisconnect(cleanup) {
    this.#subscriptions.add(cleanup);
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.#subscriptions.cancelAll();
  }
}
