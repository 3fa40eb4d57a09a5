import { html, nothing } from 'lit';
import { announce } from '../announcer.js';
import { auth } from '../auth.js';
import { LightElement } from '../light-element.js';
import { messageOf } from '../problem.js';

/**
 * Sign-in. Local mode (development): a user name, for which the console service mints a token. OIDC mode:
 * one button that leaves for the identity provider. Signing in brings the user back where they were going.
 */
class SignInView extends LightElement {
  static properties = {
    busy: { state: true },
    error: { state: true },
  };

  constructor() {
    super();
    this.busy = false;
    this.error = '';
    this.notice = auth.notice;
    auth.notice = ''; // shown once
  }

  connectedCallback() {
    super.connectedCallback();
    document.title = 'Sign in · Renovation console';
  }

  async #signInLocal(event) {
    event.preventDefault();
    const input = this.querySelector('#sign-in-user');
    const user = input.value.trim();
    if (!user) {
      this.error = 'Enter your user name.';
      input.focus();
      return;
    }
    this.busy = true;
    this.error = '';
    try {
      await auth.signInLocal(user);
      announce(`Signed in as ${auth.user}.`);
    } catch (error) {
      this.error = error.fieldError?.('user') ?? messageOf(error);
      this.updateComplete.then(() => this.querySelector('#sign-in-user')?.focus());
    } finally {
      this.busy = false;
    }
  }

  async #signInOidc(event) {
    event.preventDefault();
    this.busy = true;
    this.error = '';
    try {
      await auth.signInOidc();
    } catch (error) {
      this.error = messageOf(error);
      this.busy = false;
    }
  }

  #localForm() {
    return html`<form class="stack" @submit=${this.#signInLocal} novalidate>
      <div class="field">
        <label class="field__label" for="sign-in-user">User name</label>
        <input id="sign-in-user" class="input" name="user" type="text" autocomplete="username" required
          maxlength="64" data-test="sign-in-user" ?disabled=${this.busy}
          aria-invalid=${this.error ? 'true' : 'false'} aria-describedby="sign-in-hint sign-in-error">
        <p id="sign-in-hint" class="field__hint">Local platform sign-in: letters, digits and . _ @ - (up to 64).
          Everything you create belongs to this name.</p>
      </div>
      <p id="sign-in-error" class="field-error" role="alert">${this.error}</p>
      <button class="button button--primary button--block" type="submit" data-test="sign-in-submit" ?disabled=${this.busy}>
        ${this.busy ? 'Signing in…' : 'Sign in'}
      </button>
    </form>`;
  }

  #oidcForm() {
    return html`<form class="stack" @submit=${this.#signInOidc}>
      <p>You sign in with your organisation’s account; you will come back here afterwards.</p>
      <p class="field-error" role="alert">${this.error}</p>
      <button class="button button--primary button--block" type="submit" data-test="sign-in-submit" ?disabled=${this.busy}>
        ${this.busy ? 'Opening sign-in…' : 'Sign in'}
      </button>
    </form>`;
  }

  render() {
    return html`<section class="page page--narrow sign-in">
      <div class="card card--padded">
        <h1 class="page__title">Sign in</h1>
        <p class="page__lead">Keep the photos, plans and documents of your renovation together, and share them with your designer.</p>
        ${this.notice ? html`<p class="notice" role="status">${this.notice}</p>` : nothing}
        ${auth.mode === 'oidc' ? this.#oidcForm() : this.#localForm()}
      </div>
      <p class="sign-in__aside">Just looking for ideas? <a href="#/catalog">Browse the style catalog</a> — no account needed.</p>
    </section>`;
  }
}

customElements.define('sign-in-view', SignInView);
