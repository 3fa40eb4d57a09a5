import { html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { formatDateTime } from '../format.js';
import { LightElement } from '../light-element.js';
import { listNotifications } from '../orders-api.js';
import { PagedList } from '../paged-list.js';
import { pagedListView } from '../paged-list-view.js';
import { statusBadge } from '../status-badge.js';
import { NOTIFICATION_KINDS } from '../vocabulary.js';
import { ordersTabs } from './orders-tabs.js';

/** Why a mail was not sent, in words (the API's error codes). */
const MAIL_ERRORS = {
  no_address: 'No email address is known for you: sign in with an account that has one.',
  outcome_unknown: 'The mail server did not confirm this mail before an interruption; it was not sent again, so you get no copy twice.',
};

/** The mails the platform sent (or tried to send) the user: orders, finished processing, expiring sessions, links. */
class NotificationsView extends LightElement {
  #mails = new PagedList(this, (cursor) => listNotifications(cursor));

  connectedCallback() {
    super.connectedCallback();
    document.title = 'Mails · Renovation console';
    this.#mails.load();
  }

  #item(mail) {
    return html`<li class="list-row" data-test="notification-item" data-kind=${mail.kind} data-status=${mail.status}>
      <div>
        <p class="list-row__title">${mail.subject || NOTIFICATION_KINDS[mail.kind] || mail.kind}
          ${statusBadge(mail.status, { kind: 'notification', test: 'notification-status' })}</p>
        <p class="list-row__meta">${NOTIFICATION_KINDS[mail.kind] ?? mail.kind}${mail.toEmail ? html` · to ${mail.toEmail}` : nothing} ·
          <time datetime=${mail.sentAt ?? mail.createdAt}>${formatDateTime(mail.sentAt ?? mail.createdAt)}</time>
          ${mail.attempts > 1 ? html` · ${mail.attempts} attempts` : nothing}</p>
        ${mail.errorCode ? html`<p class="list-row__meta">${MAIL_ERRORS[mail.errorCode] ?? mail.errorCode}</p>` : nothing}
      </div>
    </li>`;
  }

  render() {
    return html`<section class="page">
      <header class="page__header"><div>
        <h1 class="page__title">Mails</h1>
        <p class="page__lead">What the platform mailed you: order confirmations, finished processing, sessions about to be erased, links you made.</p>
      </div>
      <div class="page__actions"><button class="button" type="button" data-test="refresh-notifications"
        @click=${() => this.#mails.load()}>Refresh</button></div></header>
      ${ordersTabs('notifications')}
      <section class="section" aria-label="Your mails" aria-busy=${this.#mails.loading ? 'true' : 'false'}>
        ${pagedListView(this.#mails, {
          failed: 'Your mails could not be loaded', loading: 'Loading your mails…', more: 'Load more mails',
          empty: html`<div class="empty"><p class="empty__title">No mails yet.</p>
            <p>You get one when an order is paid and when its processing is done.</p></div>`,
          items: (items) => html`<ul class="list" aria-label="Mails">${repeat(items, (m) => m.id, (m) => this.#item(m))}</ul>`,
        })}
      </section>
    </section>`;
  }
}

customElements.define('notifications-view', NotificationsView);
