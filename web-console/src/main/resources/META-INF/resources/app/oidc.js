/**
 * OpenID Connect sign-in in the browser: authorization code with PKCE (S256). The verifier, state and nonce
 * wait in sessionStorage while the identity provider has the tab; the token is exchanged on return.
 */

const PENDING_KEY = 'console.oidc.pending';

export function redirectUri() {
  return `${location.origin}/`;
}

function base64Url(bytes) {
  let binary = '';
  for (const byte of bytes) {
    binary += String.fromCharCode(byte);
  }
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomText(byteCount) {
  return base64Url(crypto.getRandomValues(new Uint8Array(byteCount)));
}

async function challengeOf(verifier) {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64Url(new Uint8Array(digest));
}

async function discover(issuer) {
  const url = `${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
  let response;
  try {
    response = await fetch(url, { headers: { Accept: 'application/json' } });
  } catch {
    throw new Error('The sign-in service could not be reached. Please try again later.');
  }
  if (!response.ok) {
    throw new Error(`The sign-in service answered HTTP ${response.status} to its discovery request.`);
  }
  const metadata = await response.json();
  if (!metadata.authorization_endpoint || !metadata.token_endpoint) {
    throw new Error('The sign-in service does not describe its authorization and token endpoints.');
  }
  return metadata;
}

/** Sends the tab to the identity provider; `returnTo` is the console route to show after sign-in. */
export async function beginOidcSignIn({ issuer, clientId, scope }, returnTo) {
  const metadata = await discover(issuer);
  const pending = {
    verifier: randomText(48),
    state: randomText(24),
    nonce: randomText(24),
    tokenEndpoint: metadata.token_endpoint,
    returnTo,
  };
  sessionStorage.setItem(PENDING_KEY, JSON.stringify(pending));
  const url = new URL(metadata.authorization_endpoint);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('client_id', clientId);
  url.searchParams.set('redirect_uri', redirectUri());
  url.searchParams.set('scope', scope || 'openid');
  url.searchParams.set('state', pending.state);
  url.searchParams.set('nonce', pending.nonce);
  url.searchParams.set('code_challenge', await challengeOf(pending.verifier));
  url.searchParams.set('code_challenge_method', 'S256');
  location.assign(url.toString());
}

/** The payload of a JWT, or null: read for display and the nonce only, never trusted for access. */
export function claimsOf(jwt) {
  try {
    const payload = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const binary = atob(payload.padEnd(payload.length + ((4 - (payload.length % 4)) % 4), '='));
    return JSON.parse(new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0))));
  } catch {
    return null;
  }
}

/**
 * When the identity provider has just sent the tab back (?code=…&state=…), exchanges the code for tokens.
 * Answers null when this page load is not such a return. The query is removed from the address either way,
 * so a reload does not replay the code.
 */
export async function completeOidcSignIn({ clientId }) {
  const params = new URLSearchParams(location.search);
  if (!params.has('code') && !params.has('error')) {
    return null;
  }
  const pending = JSON.parse(sessionStorage.getItem(PENDING_KEY) ?? 'null');
  sessionStorage.removeItem(PENDING_KEY);
  const returnTo = pending?.returnTo ?? '/sessions';
  history.replaceState(null, '', `${location.pathname}#${returnTo}`);

  if (params.has('error')) {
    throw new Error(params.get('error_description') || `Sign-in was not completed (${params.get('error')}).`);
  }
  if (!pending || params.get('state') !== pending.state) {
    throw new Error('The sign-in answer did not match this tab’s request. Please sign in again.');
  }
  const body = new URLSearchParams({
    grant_type: 'authorization_code',
    code: params.get('code'),
    redirect_uri: redirectUri(),
    client_id: clientId,
    code_verifier: pending.verifier,
  });
  let response;
  try {
    response = await fetch(pending.tokenEndpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body,
    });
  } catch {
    throw new Error('The sign-in service could not be reached to finish signing in.');
  }
  const tokens = await response.json().catch(() => ({}));
  if (!response.ok || !tokens.access_token) {
    throw new Error(tokens.error_description || tokens.error || `Signing in failed (HTTP ${response.status}).`);
  }
  if (tokens.id_token && claimsOf(tokens.id_token)?.nonce !== pending.nonce) {
    throw new Error('The sign-in answer was not issued for this tab (nonce). Please sign in again.');
  }
  return {
    accessToken: tokens.access_token,
    idToken: tokens.id_token ?? null,
    expiresIn: Number(tokens.expires_in) || null,
    returnTo,
  };
}
