/**
 * Hash routes (#/sessions, #/sessions/{id}, #/rooms/{id}, #/workspace, #/library, #/collections,
 * #/collections/{id}, #/links, #/usage, #/orders, #/orders/{id}, #/notifications, #/webhooks,
 * #/history/{entityType}/{id}, #/catalog, #/catalog/{slug}, #/sign-in) and the
 * public ones anyone may open signed out (#/discover, #/c/{slug} a collection, #/s/{token} a share link): the
 * page is one document served at /, so the address after # is the app's own and survives reloads.
 */

const ROUTES = [
  { name: 'sign-in', pattern: /^\/sign-in$/ },
  { name: 'sessions', pattern: /^\/sessions$/, private: true },
  { name: 'session', pattern: /^\/sessions\/([^/]+)$/, private: true },
  { name: 'room', pattern: /^\/rooms\/([^/]+)$/, private: true },
  { name: 'workspace', pattern: /^\/workspace$/, private: true },
  { name: 'library', pattern: /^\/library$/, private: true },
  { name: 'collections', pattern: /^\/collections$/, private: true },
  { name: 'collection', pattern: /^\/collections\/([^/]+)$/, private: true },
  { name: 'links', pattern: /^\/links$/, private: true },
  { name: 'usage', pattern: /^\/usage$/, private: true },
  { name: 'orders', pattern: /^\/orders$/, private: true },
  { name: 'order', pattern: /^\/orders\/([^/]+)$/, private: true },
  { name: 'notifications', pattern: /^\/notifications$/, private: true },
  { name: 'webhooks', pattern: /^\/webhooks$/, private: true },
  { name: 'history', pattern: /^\/history\/([a-z_]+)\/([^/]+)$/, private: true },
  { name: 'catalog', pattern: /^\/catalog$/ },
  { name: 'catalog', pattern: /^\/catalog\/([^/]+)$/ },
  { name: 'discover', pattern: /^\/discover$/ },
  { name: 'public-collection', pattern: /^\/c\/([^/]+)$/ },
  { name: 'shared', pattern: /^\/s\/([^/]+)$/ },
];

export function currentPath() {
  const path = location.hash.replace(/^#/, '');
  return path.startsWith('/') ? path : '/';
}

/**
 * {name, id, args, path, private}: id is the first part the route takes, args all of them (#/history/{type}/{id});
 * name is 'home' for '/' and 'not-found' for anything else unknown.
 */
export function currentRoute() {
  const path = currentPath();
  if (path === '/' || path === '') {
    return { name: 'home', path };
  }
  for (const route of ROUTES) {
    const match = route.pattern.exec(path);
    if (match) {
      const args = match.slice(1).map((part) => decodeURIComponent(part));
      return { name: route.name, id: args[0] ?? null, args, path, private: !!route.private };
    }
  }
  return { name: 'not-found', path };
}

export function navigate(path, { replace = false } = {}) {
  if (currentPath() === path) {
    return;
  }
  if (replace) {
    history.replaceState(null, '', `#${path}`);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  } else {
    location.hash = path;
  }
}

export function onRouteChange(listener) {
  const handler = () => listener(currentRoute());
  window.addEventListener('hashchange', handler);
  return () => window.removeEventListener('hashchange', handler);
}

export const sessionPath = (id) => `/sessions/${encodeURIComponent(id)}`;
export const roomPath = (id) => `/rooms/${encodeURIComponent(id)}`;
export const orderPath = (id) => `/orders/${encodeURIComponent(id)}`;
export const stylePath = (slug) => `/catalog/${encodeURIComponent(slug)}`;
export const collectionPath = (id) => `/collections/${encodeURIComponent(id)}`;
export const publicCollectionPath = (slug) => `/c/${encodeURIComponent(slug)}`;
export const sharedPath = (token) => `/s/${encodeURIComponent(token)}`;
/** The change history of one entity (an audit entityType: session, room, asset, collection, …). */
export const historyPath = (entityType, id) => `/history/${entityType}/${encodeURIComponent(id)}`;

/** A console address as someone else opens it: this origin, the page, the route. */
export const absoluteUrl = (path) => `${location.origin}/#${path}`;
