import { ApiError } from './problem.js';

/**
 * A GET without credentials, for what anyone may read (the style catalog, public collections, share links):
 * it works signed out, and a signed-in user's token never goes where it is not needed. `what` names the
 * service in the message shown when it cannot be reached.
 */
export async function anonymousGet(baseUrl, path, query, what) {
  const url = new URL(baseUrl + path);
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value != null && value !== '') {
      url.searchParams.set(name, value);
    }
  }
  let response;
  try {
    response = await fetch(url, { headers: { Accept: 'application/json' } });
  } catch {
    throw ApiError.unreachable(what);
  }
  if (!response.ok) {
    throw await ApiError.from(response);
  }
  return response.json();
}
