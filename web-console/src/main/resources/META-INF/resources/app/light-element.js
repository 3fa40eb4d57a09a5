import { LitElement } from 'lit';

/**
 * A Lit element that renders into itself rather than a shadow root, so the global stylesheet and Uppy's CSS
 * apply, and tests find every node from the document.
 */
export class LightElement extends LitElement {
  createRenderRoot() {
    return this;
  }
}
