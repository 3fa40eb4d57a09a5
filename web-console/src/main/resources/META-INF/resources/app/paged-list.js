import { messageOf } from './problem.js';

/**
 * A keyset-paged list ({items, nextCursor} pages) that a component shows with "Load more": load() reads the
 * first page afresh, load(nextCursor) adds the next one. Loads overlap (a resync, a changed filter, "Try again"):
 * only the newest one's answer is shown, and only the newest one sets `loading` and `error`, so an older answer
 * never overwrites a newer one. An item that a later page repeats (the list moved under the cursor) shows once,
 * by `key` (its id unless told otherwise; items without a key, like public ones, are never taken for another).
 * The host element re-renders after every change; it reads items, nextCursor, loading and error.
 */
export class PagedList {
  #host;
  #fetchPage;
  #key;
  #seq = 0;
  #items = [];
  nextCursor = null;
  loading = true; // until the first answer
  error = '';

  /** fetchPage(cursor) answers a page; the cursor is null for the first one. */
  constructor(host, fetchPage, { key = (item) => item.id } = {}) {
    this.#host = host;
    this.#fetchPage = fetchPage;
    this.#key = key;
  }

  get items() {
    return this.#items;
  }

  /** For the changes a component makes itself (live events, its own creates and deletes). */
  set items(items) {
    this.#items = items;
    this.#host.requestUpdate();
  }

  /**
   * Loads the first page (cursor null) or the one after. For a load unlike the list's others: `fetchPage` reads
   * it instead, `onShown(page)` runs once its answer is shown (never for a moot one), `describe(error)` words
   * its failure.
   */
  async load(cursor = null, { fetchPage = this.#fetchPage, onShown = () => {}, describe = messageOf } = {}) {
    const seq = ++this.#seq;
    const newest = () => seq === this.#seq;
    this.loading = true;
    this.error = '';
    this.#host.requestUpdate();
    try {
      const page = await fetchPage(cursor);
      if (!newest()) {
        return;
      }
      const known = cursor ? this.#items : [];
      const keys = new Set(known.map(this.#key).filter((key) => key != null));
      this.items = [...known, ...page.items.filter((item) => !keys.has(this.#key(item)))];
      this.nextCursor = page.nextCursor;
      onShown(page);
    } catch (error) {
      if (newest()) {
        this.error = describe(error);
      }
    } finally {
      if (newest()) {
        this.loading = false;
        this.#host.requestUpdate();
      }
    }
  }
}
