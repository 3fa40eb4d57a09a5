import { html } from 'lit';
import { LightElement } from '../light-element.js';
import { altTextOf, hasPicture, picture } from '../pictures.js';

/**
 * A before/after view: both images stacked, the after image clipped at the divider a native range input moves
 * (arrows, Page Up/Down, Home/End work as in any slider). Left of the divider is before, right is after.
 */
class ComparisonSlider extends LightElement {
  static properties = {
    before: { attribute: false },
    after: { attribute: false },
    label: { type: String },
    value: { state: true },
  };

  static #count = 0;

  constructor() {
    super();
    this.value = 50;
    this.label = 'Before and after';
    this.inputId = `comparison-range-${ComparisonSlider.#count += 1}`;
  }

  #ratio() {
    const jpeg = (this.before?.variants ?? []).find((v) => v.variantType === 'optimized' && v.format === 'jpeg')
      ?? (this.before?.variants ?? []).find((v) => v.format === 'jpeg');
    return jpeg?.width && jpeg?.height ? `${jpeg.width} / ${jpeg.height}` : '4 / 3';
  }

  #layer(asset, which) {
    if (!asset) {
      return html`<div class="compare__missing">The ${which} image was deleted.</div>`;
    }
    if (!hasPicture(asset.variants, 'optimized')) {
      return html`<div class="compare__missing">The ${which} image is still being prepared…</div>`;
    }
    return picture(asset.variants, 'optimized', `${which === 'before' ? 'Before' : 'After'}: ${altTextOf(asset)}`,
      { className: 'compare__picture' });
  }

  render() {
    const value = this.value;
    return html`<figure class="compare" style="--split: ${value}%; --ratio: ${this.#ratio()}">
      <div class="compare__stage">
        <div class="compare__layer compare__layer--before">${this.#layer(this.before, 'before')}</div>
        <div class="compare__layer compare__layer--after">${this.#layer(this.after, 'after')}</div>
        <span class="compare__divider" aria-hidden="true"></span>
        <span class="compare__tag compare__tag--before" aria-hidden="true">Before</span>
        <span class="compare__tag compare__tag--after" aria-hidden="true">After</span>
      </div>
      <div class="compare__control">
        <label class="field__label" for=${this.inputId}>Divider between before and after: ${this.label}</label>
        <input id=${this.inputId} class="compare__range" type="range" min="0" max="100" step="1" .value=${String(value)}
          data-test="comparison-slider" aria-valuetext="${value}% before, ${100 - value}% after"
          @input=${(event) => { this.value = Number(event.target.value); }}>
      </div>
    </figure>`;
  }
}

customElements.define('comparison-slider', ComparisonSlider);
