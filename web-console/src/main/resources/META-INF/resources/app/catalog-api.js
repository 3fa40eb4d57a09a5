import { config } from './config.js';
import { ApiError } from './problem.js';

/**
 * catalog-service's public read API: anonymous, so it works before sign-in. Answers carry ETags; the
 * browser's HTTP cache revalidates them by itself.
 */

async function get(path, query = {}) {
  const url = new URL(config().catalogUrl + path);
  for (const [name, value] of Object.entries(query)) {
    if (value != null && value !== '') {
      url.searchParams.set(name, value);
    }
  }
  let response;
  try {
    response = await fetch(url, { headers: { Accept: 'application/json' } });
  } catch {
    throw ApiError.unreachable('The style catalog');
  }
  if (!response.ok) {
    throw await ApiError.from(response);
  }
  return response.json();
}

/** {items: [{slug, name, description, imageCount}], nextCursor} */
export const listStyles = (cursor) => get('/styles', { cursor, limit: 50 });

/** {slug, name, description, imageCount, images, nextCursor}: the style with its first page of images. */
export const getStyle = (slug) => get(`/styles/${encodeURIComponent(slug)}`);

/** A style's images, filtered: {items: [{id, url, width, height, caption, altText, roomType, tags, variants}], nextCursor} */
export const listStyleImages = (slug, { roomType, tag, cursor } = {}) =>
  get(`/styles/${encodeURIComponent(slug)}/images`, { roomType, tag, cursor, limit: 50 });
