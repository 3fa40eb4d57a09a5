/** The console's runtime settings, served by the console service at /config.json. */

let current = null;

const trimSlash = (url) => (url ?? '').replace(/\/+$/, '');

export async function loadConfig() {
  const response = await fetch('/config.json', { headers: { Accept: 'application/json' }, cache: 'no-store' });
  if (!response.ok) {
    throw new Error(`The console settings could not be loaded (HTTP ${response.status}).`);
  }
  const raw = await response.json();
  current = Object.freeze({
    apiUrl: trimSlash(raw.apiUrl),
    catalogUrl: trimSlash(raw.catalogUrl),
    ordersUrl: trimSlash(raw.ordersUrl),
    auth: Object.freeze({ ...raw.auth, mode: raw.auth?.mode === 'oidc' ? 'oidc' : 'local' }),
  });
  return current;
}

/** The loaded settings; main.js loads them before any view runs. */
export function config() {
  if (!current) {
    throw new Error('The console settings are not loaded yet.');
  }
  return current;
}
