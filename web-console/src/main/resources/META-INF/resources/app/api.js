import { auth } from './auth.js';
import { config } from './config.js';
import { ApiError } from './problem.js';

/**
 * asset-service, the platform's API: every path the console uses, with the bearer token. A 401 signs the
 * user out (the shell then shows sign-in); any other failure is thrown as an ApiError carrying the problem.
 * Lists are keyset pages {items, nextCursor}; pass nextCursor back as `cursor` for the next page.
 */

export const PAGE_SIZE = 50;
const MAX_PAGE_SIZE = 100;

/**
 * One request with the user's token to one of the platform's APIs: base is its URL, what names it to the user
 * when it cannot be reached. order-service's calls (orders-api.js) go through here too.
 */
export async function callApi(base, what, method, path, { body, query, signal } = {}) {
  const token = auth.token;
  if (!token) {
    auth.expire();
    throw new ApiError(401, null, 'Please sign in again.');
  }
  const url = new URL(base + path);
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value != null && value !== '') {
      url.searchParams.set(name, value);
    }
  }
  const headers = { Accept: 'application/json', Authorization: `Bearer ${token}` };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  let response;
  try {
    response = await fetch(url, {
      method, headers, signal, body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (error) {
    if (error.name === 'AbortError') {
      throw error;
    }
    throw ApiError.unreachable(what);
  }
  if (response.status === 401) {
    if (auth.token === token) { // not when the user signed in again meanwhile
      auth.expire();
    }
    throw await ApiError.from(response);
  }
  if (!response.ok) {
    throw await ApiError.from(response);
  }
  const text = response.status === 204 ? '' : await response.text();
  return text ? JSON.parse(text) : null;
}

const call = (method, path, options) => callApi(config().apiUrl, 'The media service', method, path, options);

/** Every item of a paged list, page after page (for lists that are short by nature: rooms, a room's assets). */
export async function allPages(fetchPage) {
  const items = [];
  let cursor = null;
  do {
    const page = await fetchPage(cursor, MAX_PAGE_SIZE);
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

// Sessions
export const listSessions = (cursor, limit = PAGE_SIZE) => call('GET', '/sessions', { query: { cursor, limit } });
export const createSession = (title) => call('POST', '/sessions', { body: { title } });
export const getSession = (id) => call('GET', `/sessions/${encodeURIComponent(id)}`);
export const renameSession = (id, title) => call('PATCH', `/sessions/${encodeURIComponent(id)}`, { body: { title } });
export const deleteSession = (id) => call('DELETE', `/sessions/${encodeURIComponent(id)}`);

// Rooms
export const listRooms = (sessionId, cursor, limit = PAGE_SIZE) =>
  call('GET', `/sessions/${encodeURIComponent(sessionId)}/rooms`, { query: { cursor, limit } });
export const createRoom = (sessionId, { name, roomType }) =>
  call('POST', `/sessions/${encodeURIComponent(sessionId)}/rooms`, { body: { name, roomType } });
export const getRoom = (id) => call('GET', `/rooms/${encodeURIComponent(id)}`);
export const updateRoom = (id, changes) => call('PATCH', `/rooms/${encodeURIComponent(id)}`, { body: changes });
export const deleteRoom = (id) => call('DELETE', `/rooms/${encodeURIComponent(id)}`);

// Assets
export const listRoomAssets = (roomId, cursor, limit = PAGE_SIZE) =>
  call('GET', `/rooms/${encodeURIComponent(roomId)}/assets`, { query: { cursor, limit } });
/**
 * Step 1 of an upload: answers the ticket {assetId, uploadUrl, method, headers, expiresAt, storagePath}, or for an
 * upload in parts (`multipart: true`, `partSize`) {assetId, uploadId, partSize, parts: [{partNumber, url, headers,
 * size}], completeUrl, storagePath}.
 */
export const requestUpload = (request, signal) => call('POST', '/assets/uploads', { body: request, signal });
/** Step 3, after the PUT or the parts ([{partNumber, etag}]): the stored bytes are checked; 422 when refused. */
export const confirmUpload = (assetId, signal, parts) =>
  call('POST', `/assets/${encodeURIComponent(assetId)}/confirm`, { signal, body: parts ? { parts } : undefined });
/** An upload in parts: fresh URLs for the parts named ({parts: [{partNumber, url, headers, size}]}). */
export const signUploadParts = (assetId, partNumbers, signal) =>
  call('POST', `/assets/${encodeURIComponent(assetId)}/parts`, { body: { partNumbers }, signal });
/** An upload in parts: what storage already holds ({uploadId, partSize, partCount, parts: [{partNumber, etag, size}]}). */
export const listUploadedParts = (assetId, signal) =>
  call('GET', `/assets/${encodeURIComponent(assetId)}/parts`, { signal });
export const getAsset = (id) => call('GET', `/assets/${encodeURIComponent(id)}`);
export const patchAsset = (id, patch) => call('PATCH', `/assets/${encodeURIComponent(id)}`, { body: patch });
export const deleteAsset = (id) => call('DELETE', `/assets/${encodeURIComponent(id)}`);
/** A session's assets across its rooms; filters: {type?, status?}. */
export const listSessionAssets = (sessionId, { type, status } = {}, cursor, limit = PAGE_SIZE) =>
  call('GET', `/sessions/${encodeURIComponent(sessionId)}/assets`, { query: { type, status, cursor, limit } });
/** A render's review: decision submit | approve | reject (reject needs a note); answers the asset. */
export const reviewRender = (id, decision, note) =>
  call('POST', `/assets/${encodeURIComponent(id)}/review`, { body: { decision, note: note || undefined } });

// Before/after comparisons (not paged: {items})
export const listComparisons = (roomId) => call('GET', `/rooms/${encodeURIComponent(roomId)}/comparisons`);
export const createComparison = (roomId, request) =>
  call('POST', `/rooms/${encodeURIComponent(roomId)}/comparisons`, { body: request });
export const deleteComparison = (roomId, comparisonId) =>
  call('DELETE', `/rooms/${encodeURIComponent(roomId)}/comparisons/${encodeURIComponent(comparisonId)}`);

// Documents
/** 202 {id, status, version}: the PDF is rendered asynchronously; document.ready/failed follow on the stream. */
export const requestDocument = (sessionId, request) =>
  call('POST', `/sessions/${encodeURIComponent(sessionId)}/documents`, { body: request });
/** filters: {type?: a DocumentType value, phase?}; empty ones are left out. */
export const listDocuments = (sessionId, cursor, limit = PAGE_SIZE, { type, phase } = {}) =>
  call('GET', `/sessions/${encodeURIComponent(sessionId)}/documents`, { query: { type, phase, cursor, limit } });
export const getDocument = (id) => call('GET', `/documents/${encodeURIComponent(id)}`);
/** Every version of the document's lineage, newest first: {items}. */
export const documentVersions = (id) => call('GET', `/documents/${encodeURIComponent(id)}/versions`);
/** {id, documentType, version, content}: the version's typed content. */
export const documentContent = (id) => call('GET', `/documents/${encodeURIComponent(id)}/content`);
/** 202 {id, status, version}: a new version with version `version`'s content, rendered again. */
export const restoreDocument = (id, version, message) =>
  call('POST', `/documents/${encodeURIComponent(id)}/restore`, { body: { version, message: message || undefined } });

// Drawings (SVG artefacts: floor plans, elevations, sketches), each version kept with its author and message
/** filters: {roomId?, kind?}; newest changed first. */
export const listArtefacts = (sessionId, { roomId, kind } = {}, cursor, limit = PAGE_SIZE) =>
  call('GET', `/sessions/${encodeURIComponent(sessionId)}/artefacts`, { query: { roomId, kind, cursor, limit } });
/** request: {kind, roomId?, title, content (SVG text), message?}; 201 with version 1. */
export const createArtefact = (sessionId, request) =>
  call('POST', `/sessions/${encodeURIComponent(sessionId)}/artefacts`, { body: request });
export const getArtefact = (id) => call('GET', `/artefacts/${encodeURIComponent(id)}`);
/** A new version; 409 (problem with latestVersion) when someone saved after baseVersion. */
export const saveArtefact = (id, { content, message, baseVersion }) =>
  call('PUT', `/artefacts/${encodeURIComponent(id)}`, { body: { content, message: message || undefined, baseVersion } });
export const deleteArtefact = (id) => call('DELETE', `/artefacts/${encodeURIComponent(id)}`);
/** Newest first, without their content. */
export const listArtefactVersions = (id, cursor, limit = PAGE_SIZE) =>
  call('GET', `/artefacts/${encodeURIComponent(id)}/versions`, { query: { cursor, limit } });
export const restoreArtefactVersion = (id, version, message) =>
  call('POST', `/artefacts/${encodeURIComponent(id)}/versions/${version}/restore`, { body: { message: message || undefined } });
/** request: {format: pdf|png|svg, version?, width? (png)}; 202, made in the background. */
export const exportArtefact = (id, request) =>
  call('POST', `/artefacts/${encodeURIComponent(id)}/exports`, { body: request });
/** {status, downloadUrl (when ready), error, expiresAt, …}. */
export const getExport = (id) => call('GET', `/exports/${encodeURIComponent(id)}`);

// Workspace: the caller's short-lived images ({…AssetView, expiresAt}), newest first
export const listWorkspace = (cursor, limit = PAGE_SIZE) => call('GET', '/workspace', { query: { cursor, limit } });

// Library: saving the same asset again answers the item it already has
export const saveToLibrary = (assetId) => call('POST', '/library/items', { body: { assetId } });
export const listLibraryItems = ({ favourite, tag } = {}, cursor, limit = PAGE_SIZE) =>
  call('GET', '/library/items', { query: { favourite, tag, cursor, limit } });
/** changes: {customTitle?, tags?, favourite?}; customTitle "" clears it. */
export const updateLibraryItem = (id, changes) =>
  call('PATCH', `/library/items/${encodeURIComponent(id)}`, { body: changes });
export const deleteLibraryItem = (id) => call('DELETE', `/library/items/${encodeURIComponent(id)}`);

// Collections
export const listCollections = (cursor, limit = PAGE_SIZE) => call('GET', '/collections', { query: { cursor, limit } });
/** {name, description?, visibility?, tags?} */
export const createCollection = (request) => call('POST', '/collections', { body: request });
export const getCollection = (id) => call('GET', `/collections/${encodeURIComponent(id)}`);
/** changes: {name?, description?, visibility?, tags?, coverItemId?} */
export const updateCollection = (id, changes) =>
  call('PATCH', `/collections/${encodeURIComponent(id)}`, { body: changes });
export const deleteCollection = (id) => call('DELETE', `/collections/${encodeURIComponent(id)}`);
/** The collection's library items in its order. */
export const listCollectionItems = (id, cursor, limit = PAGE_SIZE) =>
  call('GET', `/collections/${encodeURIComponent(id)}/items`, { query: { cursor, limit } });
export const addToCollection = (id, libraryItemId) =>
  call('POST', `/collections/${encodeURIComponent(id)}/items`, { body: { libraryItemId } });
export const removeFromCollection = (id, libraryItemId) =>
  call('DELETE', `/collections/${encodeURIComponent(id)}/items/${encodeURIComponent(libraryItemId)}`);
/** The whole new order: a permutation of the collection's items. */
export const reorderCollection = (id, libraryItemIds) =>
  call('PUT', `/collections/${encodeURIComponent(id)}/items/order`, { body: { libraryItemIds } });

// Share and download links: the token is in the creating answer only
/** {kind: single|zip|share, assetIds? | collectionId?, expiresIn?, maxDownloads?} */
export const createLink = (request) => call('POST', '/links', { body: request });
export const listLinks = (cursor, limit = PAGE_SIZE) => call('GET', '/links', { query: { cursor, limit } });
/** Revokes; doing it twice is fine. */
export const revokeLink = (id) => call('DELETE', `/links/${encodeURIComponent(id)}`);

// Audit: what changed on one entity, who changed it and when
export const listAudit = (entityType, entityId, cursor, limit = PAGE_SIZE) =>
  call('GET', '/audit', { query: { entityType, entityId, cursor, limit } });

// Backups of a session: a copy of its rows and originals; restoring makes a new session
export const listBackups = (sessionId, cursor, limit = PAGE_SIZE) =>
  call('GET', `/sessions/${encodeURIComponent(sessionId)}/backups`, { query: { cursor, limit } });
export const createBackup = (sessionId) => call('POST', `/sessions/${encodeURIComponent(sessionId)}/backups`);
/** Answers {sessionId} of the new session. */
export const restoreBackup = (id) => call('POST', `/backups/${encodeURIComponent(id)}/restore`);

// Plans and usage
export const getMe = () => call('GET', '/me');
export const getUsage = () => call('GET', '/me/usage');
export const getUserUsage = (sub) => call('GET', `/admin/users/${encodeURIComponent(sub)}/usage`);
/** Admins only: answers the user's usage under the new plan. */
export const setUserPlan = (sub, plan) => call('PUT', `/admin/users/${encodeURIComponent(sub)}/plan`, { body: { plan } });
export const clearUserPlan = (sub) => call('DELETE', `/admin/users/${encodeURIComponent(sub)}/plan`);
