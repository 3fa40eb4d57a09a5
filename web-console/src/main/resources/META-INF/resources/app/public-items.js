import { html, nothing } from 'lit';
import { picture } from './pictures.js';

/**
 * Items as anyone sees them (a public collection, a share link): PublicItemView {title, width, height,
 * variants}, pictures in the size the layout needs. The title is the owner's own or the catalog's, never a file
 * name, so it may be missing: then the picture is described by its place (`Image 2 of “Warm kitchens”`). Items
 * have no id, so their place is the key.
 */
export function publicItemGrid(items, { label, test, describe = (index) => `Image ${index + 1} of ${items.length}` }) {
  return html`<ul class="catalog-grid" aria-label=${label}>
    ${items.map((item, index) => html`<li class="catalog-image" data-test=${test}>
      <figure>
        ${picture(item.variants, 'thumbnail', item.title || describe(index), {
          className: 'catalog-image__picture', sizes: '(min-width: 1100px) 320px, (min-width: 640px) 45vw, 100vw',
        })}
        ${item.title ? html`<figcaption class="catalog-image__caption">${item.title}</figcaption>` : nothing}
      </figure>
    </li>`)}
  </ul>`;
}
