import { anonymousGet } from './anonymous-get.js';
import { config } from './config.js';

/**
 * asset-service's public answers, read without signing in: unlisted and public collections by their
 * address, the list of public ones, and what a share link shows. Items are PublicItemView: signed URLs of
 * their ready variants only, never the originals.
 */

const get = (path, query) => anonymousGet(config().apiUrl, path, query, 'The media service');

/** {slug, name, description, tags, itemCount, coverUrl, items, nextCursor}; 404 when private or unknown. */
export const getPublicCollection = (slug, cursor) =>
  get(`/public/collections/${encodeURIComponent(slug)}`, { cursor, limit: 50 });

/** Public collections only: {items: [{slug, name, description, tags, itemCount, coverUrl, createdAt}], nextCursor} */
export const listPublicCollections = ({ tag } = {}, cursor) => get('/public/collections', { tag, cursor, limit: 50 });

/**
 * A share link's listing {kind: "share", expiresAt, items}. Each read counts as one of the link's downloads;
 * 410 once it expired, was used up or revoked, 404 for a token that never was.
 */
export const openShareLink = (token) => get(`/d/${encodeURIComponent(token)}`);
