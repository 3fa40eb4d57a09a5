import { html, nothing } from 'lit';
import { announce } from '../announcer.js';
import { reviewRender } from '../api.js';
import { LightElement } from '../light-element.js';
import { messageOf } from '../problem.js';
import { humanize, REVIEW_DECISIONS } from '../vocabulary.js';

/**
 * A render's review: where it stands (draft, pending review, approved, rejected) and the decisions the service
 * allows from there. Rejecting asks why; the reason is kept on the render. Answers go back to the room's store.
 */
// the colours of the status badges that mean the same: waiting on someone, done well, refused
const TONE = { pending_review: 'badge--processing', approved: 'badge--ready', rejected: 'badge--failed' };

class RenderReview extends LightElement {
  static properties = {
    asset: { attribute: false },
    store: { attribute: false },
    rejecting: { state: true },
    busy: { state: true },
    error: { state: true },
  };

  constructor() {
    super();
    this.rejecting = false;
    this.busy = false;
    this.error = '';
  }

  get #status() {
    return this.asset.metadata?.approvalStatus ?? 'draft';
  }

  async #decide(decision, note) {
    const name = this.asset.originalFilename;
    this.busy = true;
    this.error = '';
    try {
      const reviewed = await reviewRender(this.asset.id, decision, note);
      this.store?.upsert(reviewed);
      this.rejecting = false;
      announce(`${name}: ${humanize(reviewed.metadata?.approvalStatus ?? decision).toLowerCase()}.`);
    } catch (error) {
      this.error = messageOf(error);
    } finally {
      this.busy = false;
    }
  }

  #reject(event) {
    event.preventDefault();
    const input = this.querySelector(`#reject-note-${this.asset.id}`);
    const note = input.value.trim();
    if (!note) {
      this.error = 'Say why it is rejected: the reason stays with the render.';
      input.focus();
      return;
    }
    this.#decide('reject', note);
  }

  #rejectForm() {
    const id = `reject-note-${this.asset.id}`;
    return html`<form class="review__reject" novalidate @submit=${this.#reject}>
      <label class="field__label" for=${id}>Why is it rejected?</label>
      <textarea id=${id} class="input" rows="2" maxlength="2000" data-test="review-note" ?disabled=${this.busy}
        aria-describedby="${id}-error"></textarea>
      <div class="button-row">
        <button class="button button--danger" type="submit" data-test="review-reject-confirm" ?disabled=${this.busy}>Reject render</button>
        <button class="button button--quiet" type="button" ?disabled=${this.busy}
          @click=${() => { this.rejecting = false; this.error = ''; }}>Cancel</button>
      </div>
    </form>`;
  }

  render() {
    const status = this.#status;
    const metadata = this.asset.metadata ?? {};
    const name = this.asset.originalFilename;
    return html`<div class="review" data-test="render-review" data-review-status=${status}>
      <p class="review__status">Review: <span class="badge ${TONE[status] ?? ''}" data-test="review-status">${humanize(status)}</span></p>
      ${status === 'approved' && metadata.approvedBy ? html`<p class="field__hint">Approved by ${metadata.approvedBy}</p>` : nothing}
      ${status === 'rejected' && metadata.rejectionReason ? html`<p class="field__hint">Why: ${metadata.rejectionReason}</p>` : nothing}
      ${this.rejecting ? this.#rejectForm() : html`<div class="button-row">
        ${REVIEW_DECISIONS[status]?.map(({ decision, label }) => html`<button class="button ${decision === 'reject' ? 'button--quiet button--danger-text' : ''}"
          type="button" data-test="review-${decision}" ?disabled=${this.busy} aria-label="${label}: ${name}"
          @click=${() => (decision === 'reject' ? (this.rejecting = true) : this.#decide(decision))}>${label}</button>`) ?? nothing}
      </div>`}
      <p class="field-error" role="alert" id="reject-note-${this.asset.id}-error">${this.error}</p>
    </div>`;
  }
}

customElements.define('render-review', RenderReview);
