/**
 * Hash routes (#/sessions, #/sessions/{id}, #/rooms/{id}, #/catalog, #/catalog/{slug}, #/sign-in): the page is
 * one document served at /, so the address after # is the app's own and survives reloads.
 */

const ROUTES = [
  { name: 'sign-in', pattern: /^\/sign-in$/ },
  { name: 'sessions', pattern: /^\/sessions$/, private: true },
  { name: 'session', pattern: /^\/sessions\/([^/]+)$/, private: true },
  { name: 'room', pattern: /^\/rooms\/([^/]+)$/, private: true },
  { name: 'catalog', pattern: /^\/catalog$/ },
  { name: 'catalog', pattern: /^\/catalog\/([^/]+)$/ },
];

export function currentPath() {
  const path = location.hash.replace(/^#/, '');
  return path.startsWith('/') ? path : '/';
}

/** {name, id, path, private}; name is 'home' for '/' and 'not-found' for anything else unknown. */
export function currentRoute() {
  const path = currentPath();
  if (path === '/' || path === '') {
    return { name: 'home', path };
  }
  for (const route of ROUTES) {
    const match = route.pattern.exec(path);
    if (match) {
      return { name: route.name, id: match[1] ? decodeURIComponent(match[1]) : null, path, private: !!route.private };
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
export const stylePath = (slug) => `/catalog/${encodeURIComponent(slug)}`;
