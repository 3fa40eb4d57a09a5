import { html, nothing } from 'lit';
import { announce } from '../announcer.js';
import { clearUserPlan, getMe, getUsage, getUserUsage, setUserPlan } from '../api.js';
import { formatBytes } from '../format.js';
import { LightElement } from '../light-element.js';
import { messageOf } from '../problem.js';
import { PLANS, planOf } from '../vocabulary.js';

/**
 * The user's plan and what of it is used: storage (originals, their sizes and documents, uploads under way
 * included), sessions, and what the plan allows. An admin also finds here the form that sets a user's plan.
 */
class UsageView extends LightElement {
  static properties = {
    usage: { state: true },
    error: { state: true },
    admin: { state: true },
    userUsage: { state: true },
    adminBusy: { state: true },
    adminError: { state: true },
  };

  #me = null;

  constructor() {
    super();
    this.usage = null;
    this.error = null;
    this.admin = false;
    this.userUsage = null;
    this.adminBusy = false;
    this.adminError = '';
  }

  connectedCallback() {
    super.connectedCallback();
    document.title = 'Plan and usage · Renovation console';
    this.#load();
  }

  async #load() {
    try {
      const [usage, me] = await Promise.all([getUsage(), getMe()]);
      this.usage = usage;
      this.#me = me;
      this.admin = !!me.admin;
      this.error = null;
    } catch (error) {
      this.error = error;
    }
  }

  async #adminAction(event, action) {
    event.preventDefault();
    const sub = this.querySelector('#plan-user').value.trim();
    if (!sub) {
      this.adminError = 'Give the user’s subject (the “sub” of their token).';
      this.querySelector('#plan-user').focus();
      return;
    }
    const plan = this.querySelector('#plan-choice').value;
    this.adminBusy = true;
    this.adminError = '';
    try {
      if (action === 'set') {
        this.userUsage = { sub, ...(await setUserPlan(sub, plan)) };
        announce(`${sub} is now on the ${planOf(plan).label} plan.`);
      } else if (action === 'clear') {
        await clearUserPlan(sub);
        this.userUsage = { sub, ...(await getUserUsage(sub)) };
        announce(`${sub}’s plan comes from their sign-in again.`);
      } else {
        this.userUsage = { sub, ...(await getUserUsage(sub)) };
      }
      if (sub === this.#me?.sub) {
        this.#load();
      }
    } catch (error) {
      this.adminError = messageOf(error);
    } finally {
      this.adminBusy = false;
    }
  }

  #limitText(used, limit, format = String) {
    return limit == null ? `${format(used)} (no limit)` : `${format(used)} of ${format(limit)}`;
  }

  #summary(usage, { test = 'usage' } = {}) {
    const plan = planOf(usage.plan);
    const ratio = usage.storageLimitBytes ? Math.min(1, usage.storageBytes / usage.storageLimitBytes) : 0;
    const percent = Math.round(ratio * 100);
    const near = ratio >= 0.8;
    const source = { override: 'set by an administrator', claim: 'from your sign-in', default: 'the default plan' };
    return html`<div class="card card--padded usage" data-test=${test}>
      <p class="usage__plan"><span class="chip chip--plan" data-test="${test}-plan">${plan.label}</span>
        <span class="field__hint">${source[usage.planSource] ?? ''}</span></p>
      <div class="usage__storage">
        <p class="usage__label" id="${test}-storage-label">Storage</p>
        <meter class="usage__meter ${near ? 'usage__meter--near' : ''}" min="0" max="1" low="0.8" high="0.95" optimum="0"
          .value=${ratio} aria-labelledby="${test}-storage-label" aria-describedby="${test}-storage-text"></meter>
        <p id="${test}-storage-text" data-test="${test}-storage">
          ${this.#limitText(usage.storageBytes, usage.storageLimitBytes, formatBytes)}${usage.storageLimitBytes ? ` · ${percent} %` : ''}
        </p>
        ${near ? html`<p class="field-error" role="status">Nearly full: new uploads stop at the limit. Delete files or
          move to a larger plan.</p>` : nothing}
      </div>
      <dl class="usage__facts">
        <div><dt>Sessions</dt><dd data-test="${test}-sessions">${this.#limitText(usage.sessions, usage.sessionLimit)}</dd></div>
        <div><dt>Largest file</dt><dd>${formatBytes(usage.maxUploadBytes)}</dd></div>
        <div><dt>Document versions kept</dt><dd>${usage.documentVersionsKept ?? 'All'}</dd></div>
        <div><dt>Image formats made</dt><dd data-test="${test}-formats">${(usage.variantFormats ?? []).map((f) => f.toUpperCase()).join(', ')}</dd></div>
      </dl>
    </div>`;
  }

  #adminForm() {
    if (!this.admin) {
      return nothing;
    }
    return html`<section class="section" aria-labelledby="admin-plan-heading">
      <h2 class="section__title" id="admin-plan-heading">A user’s plan</h2>
      <form class="card card--padded inline-form" novalidate aria-busy=${this.adminBusy ? 'true' : 'false'}
        @submit=${(event) => this.#adminAction(event, 'set')}>
        <div class="field inline-form__grow">
          <label class="field__label" for="plan-user">User (subject)</label>
          <input id="plan-user" class="input" type="text" maxlength="255" required data-test="plan-user"
            aria-describedby="plan-error" ?disabled=${this.adminBusy}>
        </div>
        <div class="field">
          <label class="field__label" for="plan-choice">Plan</label>
          <select id="plan-choice" class="input" data-test="plan-choice" ?disabled=${this.adminBusy}>
            ${PLANS.map((plan) => html`<option value=${plan.value}>${plan.label}</option>`)}
          </select>
        </div>
        <button class="button button--primary" type="submit" data-test="set-plan" ?disabled=${this.adminBusy}>Set plan</button>
        <button class="button" type="button" data-test="show-usage" ?disabled=${this.adminBusy}
          @click=${(event) => this.#adminAction(event, 'show')}>Show usage</button>
        <button class="button button--quiet" type="button" data-test="clear-plan" ?disabled=${this.adminBusy}
          @click=${(event) => this.#adminAction(event, 'clear')}>Back to their sign-in’s plan</button>
        <p id="plan-error" class="field-error inline-form__full" role="alert">${this.adminError}</p>
      </form>
      ${this.userUsage ? html`<h3 class="section__subtitle">${this.userUsage.sub}</h3>
        ${this.#summary(this.userUsage, { test: 'user-usage' })}` : nothing}
    </section>`;
  }

  render() {
    if (this.error) {
      return html`<section class="page page--narrow"><h1 class="page__title">Plan and usage</h1>
        <div class="empty" role="alert"><p>Your usage could not be loaded: ${messageOf(this.error)}</p>
        <button class="button" type="button" @click=${() => this.#load()}>Try again</button></div></section>`;
    }
    if (!this.usage) {
      return html`<section class="page page--narrow"><p class="loading" aria-busy="true">Loading your usage…</p></section>`;
    }
    return html`<section class="page page--narrow">
      <header class="page__header"><h1 class="page__title">Plan and usage</h1></header>
      ${this.#summary(this.usage)}
      <p class="field__hint">Storage counts your originals, the sizes made of them and your documents; an upload
        counts from the moment it is asked for. Lowering a plan never deletes anything: it stops new uploads and
        sessions above its limits.</p>
      ${this.#adminForm()}
    </section>`;
  }
}

customElements.define('usage-view', UsageView);
