import { anonymousGet } from './anonymous-get.js';
import { config } from './config.js';

/**
 * catalog-service's public read API: anonymous, so it works before sign-in. Answers carry ETags; the
 * browser's HTTP cache revalidates them by itself.
 */

const get = (path, query) => anonymousGet(config().catalogUrl, path, query, 'The style catalog');

/** {items: [{slug, name, description, imageCount}], nextCursor} */
export const listStyles = (cursor) => get('/styles', { cursor, limit: 50 });

/** {slug, name, description, imageCount, images, nextCursor}: the style with its first page of images. */
export const getStyle = (slug) => get(`/styles/${encodeURIComponent(slug)}`);

/** A style's images, filtered: {items: [{id, url, width, height, caption, altText, roomType, tags, variants}], nextCursor} */
export const listStyleImages = (slug, { roomType, tag, cursor } = {}) =>
  get(`/styles/${encodeURIComponent(slug)}/images`, { roomType, tag, cursor, limit: 50 });
