import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';

/**
 * <picture> elements from an image's variants ({variantType, format, width, height, url}): AVIF and WebP sources
 * for browsers that take them, the JPEG as the <img> every browser shows. Sizes are the variant worker's
 * presets: "thumbnail" for cards, "optimized" for large views.
 */

function byFormat(variants, variantType) {
  const formats = {};
  for (const variant of variants ?? []) {
    if (variant.variantType === variantType && variant.url) {
      formats[variant.format] = variant;
    }
  }
  return formats;
}

/** Whether the image has a JPEG of this size (or, failing that, of the other size) to show. */
export function hasPicture(variants, variantType) {
  return pickSize(variants, variantType) != null;
}

function pickSize(variants, variantType) {
  const other = variantType === 'thumbnail' ? 'optimized' : 'thumbnail';
  for (const type of [variantType, other]) {
    const formats = byFormat(variants, type);
    if (formats.jpeg) {
      return formats;
    }
  }
  return null;
}

/** Every size of one format as a srcset ("url 300w, url 1200w"), for layouts that say their `sizes`. */
function srcsetOf(variants, format) {
  return (variants ?? []).filter((variant) => variant.format === format && variant.url && variant.width)
    .sort((a, b) => a.width - b.width).map((variant) => `${variant.url} ${variant.width}w`).join(', ');
}

/**
 * The picture, or `nothing` when no JPEG is ready yet (the caller shows a placeholder). With `sizes`, each
 * source lists every size and the browser picks; without, it is the one size asked for.
 */
export function picture(variants, variantType, alt, { loading = 'lazy', className = '', sizes, onError } = {}) {
  const formats = pickSize(variants, variantType);
  if (!formats) {
    return nothing;
  }
  const { avif, webp, jpeg } = formats;
  const set = (variant, format) => (sizes ? srcsetOf(variants, format) : variant.url);
  return html`<picture class=${className}>
    ${avif ? html`<source type="image/avif" srcset=${set(avif, 'avif')} sizes=${ifDefined(sizes)}>` : nothing}
    ${webp ? html`<source type="image/webp" srcset=${set(webp, 'webp')} sizes=${ifDefined(sizes)}>` : nothing}
    <img src=${jpeg.url} srcset=${ifDefined(sizes ? srcsetOf(variants, 'jpeg') : undefined)} sizes=${ifDefined(sizes)}
      alt=${alt} width=${ifDefined(jpeg.width ?? undefined)} height=${ifDefined(jpeg.height ?? undefined)}
      loading=${loading} decoding="async" @error=${onError ?? nothing}>
  </picture>`;
}

/**
 * A tile's thumbnail, or a placeholder that says why there is none (no size made yet, a PDF): the placeholder
 * is announced as an image with the same text alternative.
 */
export function thumbnail(variants, alt, { className = 'tile__picture', placeholder = 'No preview yet' } = {}) {
  const shown = picture(variants, 'thumbnail', alt, { className });
  if (shown !== nothing) {
    return shown;
  }
  return html`<div class="tile__placeholder" role="img" aria-label=${alt}><span aria-hidden="true">${placeholder}</span></div>`;
}

/** What an asset's image shows, for its alt text: the owner's words, else its file name. */
export function altTextOf(asset) {
  return asset.altText || asset.caption || asset.originalFilename || 'Uploaded image';
}
