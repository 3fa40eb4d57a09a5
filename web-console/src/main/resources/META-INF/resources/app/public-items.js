import { html } from 'lit';
import { picture } from './pictures.js';

/**
 * Items as anyone sees them (a public collection, a share link): PublicItemView {title, width, height,
 * variants}, pictures in the size the layout needs and a caption. They have no id, so their place is the key.
 */
export function publicItemGrid(items, label, test) {
  return html`<ul class="catalog-grid" aria-label=${label}>
    ${items.map((item) => html`<li class="catalog-image" data-test=${test}>
      <figure>
        ${picture(item.variants, 'thumbnail', item.title || 'Untitled image', {
          className: 'catalog-image__picture', sizes: '(min-width: 1100px) 320px, (min-width: 640px) 45vw, 100vw',
        })}
        <figcaption class="catalog-image__caption">${item.title || 'Untitled image'}</figcaption>
      </figure>
    </li>`)}
  </ul>`;
}
