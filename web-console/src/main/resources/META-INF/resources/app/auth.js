import { beginOidcSignIn, claimsOf, completeOidcSignIn } from './oidc.js';
import { ApiError } from './problem.js';

/**
 * Who is signed in, with which bearer token until when. Kept in sessionStorage (one tab, gone with it), never
 * localStorage. Fires 'change' whenever the user signs in or out or the token expires; the shell then routes.
 */

const STORAGE_KEY = 'console.auth';
const RETURN_KEY = 'console.returnTo';
const MAX_TIMER_MS = 2 ** 31 - 1; // setTimeout's ceiling

function nameFrom(claims, fallback) {
  return claims?.preferred_username || claims?.name || claims?.email || claims?.upn || claims?.sub || fallback || 'Signed in';
}

class Auth extends EventTarget {
  #settings = { mode: 'local' };
  #state = null; // { token, expiresAt (ms), user }
  #timer = null;
  /** Why the user sees the sign-in page (expired, signed out, a failed sign-in), shown there once. */
  notice = '';

  async init(settings) {
    this.#settings = settings;
    try {
      const saved = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? 'null');
      if (saved?.token && saved.expiresAt > Date.now()) {
        this.#apply(saved);
      }
    } catch {
      sessionStorage.removeItem(STORAGE_KEY);
    }
    if (settings.mode === 'oidc') {
      try {
        const result = await completeOidcSignIn(settings);
        if (result) {
          const claims = claimsOf(result.idToken ?? '') ?? claimsOf(result.accessToken);
          const exp = claimsOf(result.accessToken)?.exp;
          const expiresAt = result.expiresIn ? Date.now() + result.expiresIn * 1000
            : exp ? exp * 1000 : Date.now() + 3600_000;
          this.#set({ token: result.accessToken, expiresAt, user: nameFrom(claims) });
        }
      } catch (error) {
        this.notice = error.message;
      }
    }
  }

  get mode() {
    return this.#settings.mode;
  }

  get signedIn() {
    return this.token != null;
  }

  get token() {
    return this.#state && this.#state.expiresAt > Date.now() ? this.#state.token : null;
  }

  get user() {
    return this.#state?.user ?? '';
  }

  /** Local mode: the console service mints a token for the named user. */
  async signInLocal(user) {
    let response;
    try {
      response = await fetch('/local/session', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ user }),
      });
    } catch {
      throw ApiError.unreachable('The console service');
    }
    if (!response.ok) {
      throw await ApiError.from(response);
    }
    const { token, expiresAt } = await response.json();
    const expires = Date.parse(expiresAt) || (claimsOf(token)?.exp ?? 0) * 1000;
    this.#set({ token, expiresAt: expires, user: nameFrom(claimsOf(token), user) });
  }

  /** OIDC mode: leaves the page for the identity provider. */
  async signInOidc() {
    await beginOidcSignIn(this.#settings, this.takeReturnTo());
  }

  signOut() {
    this.#set(null, 'You are signed out.');
  }

  /** The token was refused (401) or ran out: back to sign-in, coming back here afterwards. */
  expire(message = 'Your sign-in has expired. Please sign in again.') {
    if (this.#state) {
      this.rememberReturnTo(location.hash.replace(/^#/, ''));
      this.#set(null, message);
    }
  }

  rememberReturnTo(path) {
    if (path && !path.startsWith('/sign-in')) {
      sessionStorage.setItem(RETURN_KEY, path);
    }
  }

  takeReturnTo() {
    const path = sessionStorage.getItem(RETURN_KEY);
    sessionStorage.removeItem(RETURN_KEY);
    return path || '/sessions';
  }

  #set(state, notice = '') {
    this.notice = notice;
    if (state) {
      sessionStorage.setItem(STORAGE_KEY, JSON.stringify(state));
    } else {
      sessionStorage.removeItem(STORAGE_KEY);
    }
    this.#apply(state);
    this.dispatchEvent(new Event('change'));
  }

  #apply(state) {
    this.#state = state;
    clearTimeout(this.#timer);
    if (state) {
      // expire a few seconds early: a request sent at the last moment would be refused anyway
      const delay = Math.min(Math.max(state.expiresAt - Date.now() - 5000, 0), MAX_TIMER_MS);
      this.#timer = setTimeout(() => (Date.now() >= state.expiresAt - 5000 ? this.expire() : this.#apply(this.#state)),
        delay);
    }
  }
}

export const auth = new Auth();
