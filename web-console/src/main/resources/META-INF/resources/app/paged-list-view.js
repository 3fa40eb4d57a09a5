import { html, nothing } from 'lit';

/**
 * How a PagedList shows, the same everywhere: why its first page failed (with "Try again"), that it is loading,
 * what its emptiness means, or its items followed by a later page's failure and "Load more".
 *   failed: "Your links could not be loaded"; loading: "Loading your links…"; more: "Load more links";
 *   empty: the template shown when there is nothing; items(items): the template of the items;
 *   reload() and loadMore(cursor): for lists that load with options of their own.
 */
export function pagedListView(list, {
  failed, loading: loadingText, more = 'Load more', empty, items: itemsView,
  reload = () => list.load(), loadMore = (cursor) => list.load(cursor),
}) {
  const { items, nextCursor, loading, error } = list;
  if (error && items.length === 0) {
    return html`<div class="empty" role="alert"><p>${failed}: ${error}</p>
      <button class="button" type="button" @click=${reload}>Try again</button></div>`;
  }
  if (loading && items.length === 0) {
    return html`<p class="loading" aria-busy="true">${loadingText}</p>`;
  }
  if (items.length === 0) {
    return empty;
  }
  return html`${itemsView(items)}
    ${error ? html`<p class="field-error" role="alert">${error}</p>` : nothing}
    ${nextCursor ? html`<button class="button load-more" type="button" ?disabled=${loading}
      @click=${() => loadMore(nextCursor)}>${loading ? 'Loading…' : more}</button>` : nothing}`;
}
