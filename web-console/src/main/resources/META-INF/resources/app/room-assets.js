import { allPages, deleteAsset, getAsset, listRoomAssets, patchAsset } from './api.js';
import { liveEvents } from './live-events.js';
import { Subscriptions } from './subscriptions.js';

/**
 * A room's assets as the gallery, the uploader and the comparison form share them: loaded once, kept current
 * by the live stream (events carry statuses, not URLs, so a changed asset is read again for its signed URLs),
 * ordered like the API (displayOrder, then age). Fires 'change' after every change.
 */

// how far along an asset is: a stale answer never moves an asset back (failed is as final as ready)
const PROGRESS = { pending: 0, uploaded: 1, processing: 2, ready: 3, failed: 3 };

/** Whether an API answer is older than the asset shown (answers and events can cross on the wire). */
function isStale(incoming, known) {
  return !!known && PROGRESS[incoming.status] < PROGRESS[known.status]
    && !(Date.parse(incoming.updatedAt) > Date.parse(known.updatedAt));
}

function compare(a, b) {
  return a.displayOrder - b.displayOrder || Date.parse(a.createdAt) - Date.parse(b.createdAt)
    || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export class RoomAssets extends EventTarget {
  #byId = new Map();
  #refreshing = new Map(); // id → 'running' | 'again'
  #subscriptions = new Subscriptions();
  #loadSeq = 0;
  #touchedAt = new Map(); // id → when an answer or event last changed it (performance.now())
  #removedAt = new Map(); // id → when it was deleted
  items = [];
  loaded = false;
  error = null;

  constructor(roomId) {
    super();
    this.roomId = roomId;
  }

  /** Starts following the live stream; disconnect() stops. */
  connect() {
    const ours = (handler) => (data) => {
      if (data?.roomId === this.roomId) {
        handler(data);
      }
    };
    for (const name of ['asset.confirmed', 'asset.processing', 'asset.ready', 'asset.variant', 'asset.failed']) {
      this.#subscriptions.listen(liveEvents, name, ours((data) => this.#changed(data)));
    }
    this.#subscriptions.listen(liveEvents, 'asset.deleted', ours((data) => this.remove(data.assetId)));
    this.#subscriptions.listen(liveEvents, 'resync', () => this.load());
  }

  disconnect() {
    this.#subscriptions.cancelAll();
  }

  /**
   * (Re)reads the whole room. What changed while the pages were read (an upload confirmed, an asset deleted)
   * is newer than the pages and wins.
   */
  async load() {
    const seq = ++this.#loadSeq;
    const startedAt = performance.now();
    try {
      const items = await allPages((cursor, limit) => listRoomAssets(this.roomId, cursor, limit));
      if (seq !== this.#loadSeq) {
        return; // a later load is under way
      }
      const next = new Map();
      for (const asset of items) {
        if (!this.#removedAt.has(asset.id)) { // a deleted asset never comes back
          const known = this.#byId.get(asset.id);
          next.set(asset.id, isStale(asset, known) ? known : asset);
        }
      }
      for (const [id, asset] of this.#byId) {
        if (!next.has(id) && (this.#touchedAt.get(id) ?? -1) > startedAt) {
          next.set(id, asset);
        }
      }
      this.#byId = next;
      this.error = null;
    } catch (error) {
      if (seq !== this.#loadSeq) {
        return;
      }
      this.error = error;
    }
    this.loaded = true;
    this.#emit();
  }

  get(id) {
    return this.#byId.get(id);
  }

  /** Adds or replaces an asset from an API answer, unless it is older than what is shown. */
  upsert(asset) {
    if (!asset || asset.roomId !== this.roomId || this.#removedAt.has(asset.id)) {
      return;
    }
    if (isStale(asset, this.#byId.get(asset.id))) {
      return;
    }
    this.#byId.set(asset.id, asset);
    this.#touchedAt.set(asset.id, performance.now());
    this.#emit();
  }

  remove(id) {
    this.#removedAt.set(id, performance.now());
    if (this.#byId.delete(id)) {
      this.#emit();
    }
  }

  async patch(id, changes) {
    const updated = await patchAsset(id, changes);
    this.upsert(updated);
    return updated;
  }

  async delete(id) {
    try {
      await deleteAsset(id);
    } catch (error) {
      if (!error.notFound) {
        throw error;
      }
    }
    this.remove(id);
  }

  /**
   * Moves an asset one place earlier (-1) or later (+1). New assets all have displayOrder 0 (then age decides),
   * so the whole order is written as 0, 1, 2, …; only the assets whose number changes are patched.
   */
  async move(id, delta) {
    const order = [...this.items];
    const from = order.findIndex((asset) => asset.id === id);
    const to = from + delta;
    if (from < 0 || to < 0 || to >= order.length) {
      return null;
    }
    order.splice(to, 0, order.splice(from, 1)[0]);
    const changes = order.map((asset, index) => ({ asset, index })).filter(({ asset, index }) => asset.displayOrder !== index);
    const previous = new Map(changes.map(({ asset }) => [asset.id, asset]));
    // show the new order at once; the answers confirm it
    for (const { asset, index } of changes) {
      this.#byId.set(asset.id, { ...asset, displayOrder: index });
    }
    this.#emit();
    try {
      const updated = await Promise.all(changes.map(({ asset, index }) => patchAsset(asset.id, { displayOrder: index })));
      updated.forEach((asset) => this.#byId.set(asset.id, asset));
      this.#emit();
    } catch (error) {
      previous.forEach((asset, assetId) => this.#byId.set(assetId, asset));
      this.#emit();
      this.refreshAll();
      throw error;
    }
    return to;
  }

  refreshAll() {
    this.load();
  }

  /** A live event: its status shows at once; the asset is read again for its signed variant URLs. */
  #changed(data) {
    const known = this.#byId.get(data.assetId);
    if (known && PROGRESS[data.status] >= PROGRESS[known.status]) {
      this.#byId.set(known.id, { ...known, status: data.status, failureReason: data.failureReason });
      this.#touchedAt.set(known.id, performance.now());
      this.#emit();
    }
    this.refresh(data.assetId);
  }

  /** Reads one asset again; calls made while one is running coalesce into one more read. */
  async refresh(id) {
    if (this.#refreshing.has(id)) {
      this.#refreshing.set(id, 'again');
      return;
    }
    this.#refreshing.set(id, 'running');
    try {
      do {
        this.#refreshing.set(id, 'running');
        try {
          this.upsert(await getAsset(id));
        } catch (error) {
          if (error.notFound) {
            this.remove(id);
          }
        }
      } while (this.#refreshing.get(id) === 'again');
    } finally {
      this.#refreshing.delete(id);
    }
  }

  #emit() {
    this.items = [...this.#byId.values()].sort(compare);
    this.dispatchEvent(new Event('change'));
  }
}
