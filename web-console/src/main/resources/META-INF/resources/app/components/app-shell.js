import { html, nothing } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { auth } from '../auth.js';
import { LightElement } from '../light-element.js';
import { liveEvents } from '../live-events.js';
import { currentRoute, navigate, onRouteChange } from '../router.js';
import './confirm-dialog.js';
import '../views/catalog-view.js';
import '../views/session-view.js';
import '../views/sessions-view.js';
import '../views/sign-in-view.js';

const LAZY_VIEWS = {
  room: () => import('../views/room-view.js'),
  workspace: () => import('../views/workspace-view.js'),
  library: () => import('../views/library-view.js'),
  collections: () => import('../views/collections-view.js'),
  collection: () => import('../views/collection-view.js'),
  links: () => import('../views/links-view.js'),
  usage: () => import('../views/usage-view.js'),
  orders: () => import('../views/orders-view.js'),
  order: () => import('../views/order-view.js'),
  notifications: () => import('../views/notifications-view.js'),
  webhooks: () => import('../views/webhooks-view.js'),
  history: () => import('../views/history-view.js'),
  discover: () => import('../views/discover-view.js'),
  'public-collection': () => import('../views/public-collection-view.js'),
  shared: () => import('../views/shared-view.js'),
};

/**
 * The frame of every page: header (brand, navigation, who is signed in, live status), the routed view, the
 * confirmation dialog. Private routes send a signed-out user to sign-in and back afterwards.
 */
class AppShell extends LightElement {
  static properties = {
    route: { state: true },
    live: { state: true },
    loadedViews: { state: true },
    failedViews: { state: true },
  };

  #firstRoute = true;

  constructor() {
    super();
    this.route = currentRoute();
    this.live = liveEvents.connected;
    this.loadedViews = new Set();
    this.failedViews = new Set();
  }

  connectedCallback() {
    super.connectedCallback();
    this.onDisconnect(onRouteChange((route) => this.#show(route)));
    const onAuth = () => this.#show(currentRoute());
    auth.addEventListener('change', onAuth);
    this.onDisconnect(() => auth.removeEventListener('change', onAuth));
    this.listen(liveEvents, 'status', ({ connected }) => {
      this.live = connected;
    });
    this.#show(this.route);
  }

  #show(route) {
    if (route.private && !auth.signedIn) {
      auth.rememberReturnTo(route.path);
      navigate('/sign-in', { replace: true });
      return;
    }
    if (route.name === 'sign-in' && auth.signedIn) {
      navigate(auth.takeReturnTo(), { replace: true });
      return;
    }
    if (route.name === 'home') {
      navigate(auth.signedIn ? '/sessions' : '/sign-in', { replace: true });
      return;
    }
    this.#loadView(route.name);
    const changed = route.path !== this.route.path;
    this.route = route;
    if (changed || this.#firstRoute) {
      window.scrollTo(0, 0);
    }
    // after a navigation, move focus to the new page so keyboard and screen-reader users start at its top
    if (changed && !this.#firstRoute) {
      this.updateComplete.then(() => this.querySelector('#main')?.focus({ preventScroll: true }));
    }
    this.#firstRoute = false;
  }

  /**
   * Loads a view's module on its first visit. The uploader (Uppy, the largest module by far) comes with the
   * first room or workspace, the rest with their pages, so the first page loads only what it shows. The view
   * is rendered once defined, so it gets its properties as a defined element does.
   */
  #loadView(name) {
    const load = LAZY_VIEWS[name];
    if (!load || this.loadedViews.has(name)) {
      return;
    }
    load().then(() => {
      this.loadedViews = new Set([...this.loadedViews, name]);
    }, () => {
      this.failedViews = new Set([...this.failedViews, name]);
    });
  }

  /** A lazily loaded view once its module is in, or why not yet. */
  #lazy(name, view) {
    if (this.failedViews.has(name)) {
      return html`<section class="page page--narrow" role="alert">
        <p>This page could not be loaded. Check your connection and reload the page.</p></section>`;
    }
    return this.loadedViews.has(name) ? view() : html`<p class="page page--narrow" role="status">Loading…</p>`;
  }

  #signOut() {
    auth.signOut();
  }

  #skipToContent(event) {
    event.preventDefault(); // the hash is the route: "#main" must not replace it
    this.querySelector('#main')?.focus();
  }

  #view() {
    const { name, id } = this.route;
    switch (name) {
      case 'sign-in':
        return html`<sign-in-view></sign-in-view>`;
      case 'sessions':
        return html`<sessions-view></sessions-view>`;
      case 'session':
        return keyed(id, html`<session-view .sessionId=${id}></session-view>`);
      case 'room':
        return this.#lazy(name, () => keyed(id, html`<room-view .roomId=${id}></room-view>`));
      case 'workspace':
        return this.#lazy(name, () => html`<workspace-view></workspace-view>`);
      case 'library':
        return this.#lazy(name, () => html`<library-view></library-view>`);
      case 'collections':
        return this.#lazy(name, () => html`<collections-view></collections-view>`);
      case 'collection':
        return this.#lazy(name, () => keyed(id, html`<collection-view .collectionId=${id}></collection-view>`));
      case 'links':
        return this.#lazy(name, () => html`<links-view></links-view>`);
      case 'orders':
        return this.#lazy(name, () => html`<orders-view></orders-view>`);
      case 'order':
        return this.#lazy(name, () => keyed(id, html`<order-view .orderId=${id}></order-view>`));
      case 'notifications':
        return this.#lazy(name, () => html`<notifications-view></notifications-view>`);
      case 'webhooks':
        return this.#lazy(name, () => html`<webhooks-view></webhooks-view>`);
      case 'usage':
        return this.#lazy(name, () => html`<usage-view></usage-view>`);
      case 'history':
        return this.#lazy(name, () => keyed(this.route.path,
          html`<history-view .entityType=${this.route.args[0]} .entityId=${this.route.args[1]}></history-view>`));
      case 'discover':
        return this.#lazy(name, () => html`<discover-view></discover-view>`);
      case 'public-collection':
        return this.#lazy(name, () => keyed(id, html`<public-collection-view .slug=${id}></public-collection-view>`));
      case 'shared':
        return this.#lazy(name, () => keyed(id, html`<shared-view .token=${id}></shared-view>`));
      case 'catalog':
        return html`<catalog-view .slug=${id ?? null}></catalog-view>`;
      default:
        return html`<section class="page page--narrow">
          <h1 class="page__title">Page not found</h1>
          <p>There is nothing at this address. <a href="#/sessions">Go to your sessions</a>,
            <a href="#/catalog">browse the style catalog</a> or <a href="#/discover">discover public collections</a>.</p>
        </section>`;
    }
  }

  #navLink(path, label, active) {
    return html`<a class="nav__link" href="#${path}" aria-current=${active ? 'page' : 'false'}>${label}</a>`;
  }

  render() {
    const { name } = this.route;
    const workArea = ['sessions', 'session', 'room'].includes(name);
    return html`
      <a class="skip-link" href="#main" @click=${this.#skipToContent}>Skip to content</a>
      <header class="app-header">
        <div class="app-header__inner">
          <a class="brand" href="#/sessions" aria-label="Renovation media console, home">
            <span class="brand__mark" aria-hidden="true"></span>
            <span class="brand__name">Renovation<span class="brand__sub"> console</span></span>
          </a>
          <nav class="nav" aria-label="Main">
            ${auth.signedIn ? html`
              ${this.#navLink('/sessions', 'Sessions', workArea)}
              ${this.#navLink('/workspace', 'Workspace', name === 'workspace')}
              ${this.#navLink('/library', 'Library', name === 'library')}
              ${this.#navLink('/collections', 'Collections', ['collections', 'collection'].includes(name))}
              ${this.#navLink('/links', 'Links', name === 'links')}
              ${this.#navLink('/orders', 'Orders', ['orders', 'order', 'notifications', 'webhooks'].includes(name))}
              ${this.#navLink('/usage', 'Usage', name === 'usage')}` : nothing}
            ${this.#navLink('/catalog', 'Catalog', name === 'catalog')}
            ${this.#navLink('/discover', 'Discover', ['discover', 'public-collection'].includes(name))}
          </nav>
          <div class="account">
            ${auth.signedIn ? html`
              <span class="live ${this.live ? 'live--on' : ''}" title=${this.live ? 'Live updates are on' : 'Connecting live updates…'}>
                <span class="live__dot" aria-hidden="true"></span>
                <span class="visually-hidden">${this.live ? 'Live updates are on' : 'Live updates are connecting'}</span>
              </span>
              <span class="account__user" title="Signed in as ${auth.user}">
                <span class="visually-hidden">Signed in as </span>${auth.user}
              </span>
              <button class="button button--quiet" type="button" data-test="sign-out" @click=${this.#signOut}>Sign out</button>
            ` : name !== 'sign-in' ? html`<a class="button button--primary" href="#/sign-in">Sign in</a>` : ''}
          </div>
        </div>
      </header>
      <main id="main" class="app-main" tabindex="-1">${this.#view()}</main>
      <confirm-dialog></confirm-dialog>
    `;
  }
}

customElements.define('app-shell', AppShell);
