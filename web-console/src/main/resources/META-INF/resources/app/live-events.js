import { auth } from './auth.js';
import { config } from './config.js';
import { SseParser } from './sse-parser.js';

/**
 * The tab's one live channel to asset-service (GET /events, Server-Sent Events) and the bus every view
 * listens on. EventSource cannot send the bearer header, so the stream is read with fetch and parsed here.
 * It reconnects ~2 s after the stream ends (it ends when the token expires) with the last id seen, so nothing
 * is missed; it stops on 401. While open, <body data-live="connected">.
 *
 * Views subscribe with this.listen(liveEvents, name, data => …) (LightElement unsubscribes on disconnect):
 * the server's event names (asset.ready, …), plus 'resync' when a view must reload its state (a new stream,
 * or events were lost) and 'status'.
 */

const RECONNECT_MS = 2000;
const MAX_RECONNECT_MS = 30_000;
const STALL_MS = 45_000; // heartbeats come every 15 s: this much silence means a dead connection

class LiveEvents extends EventTarget {
  #running = false;
  #controller = null;
  #lastEventId = null;
  #retryMs = RECONNECT_MS;
  #failures = 0;
  #reconnectTimer = null;
  #connected = false;

  get connected() {
    return this.#connected;
  }

  /** Subscribes; answers the function that unsubscribes. */
  on(name, listener) {
    const handler = (event) => listener(event.detail);
    this.addEventListener(name, handler);
    return () => this.removeEventListener(name, handler);
  }

  start() {
    if (this.#running) {
      return;
    }
    this.#running = true;
    this.#connect();
  }

  /** Closes the stream; the next start() is a new stream (another user's ids mean nothing). */
  stop() {
    this.#running = false;
    clearTimeout(this.#reconnectTimer);
    this.#controller?.abort();
    this.#controller = null;
    this.#lastEventId = null;
    this.#failures = 0;
    this.#setConnected(false);
  }

  async #connect() {
    const token = auth.token;
    if (!this.#running || !token) {
      return;
    }
    const controller = new AbortController();
    this.#controller = controller;
    let refused = false;
    try {
      const headers = { Accept: 'text/event-stream', Authorization: `Bearer ${token}` };
      if (this.#lastEventId) {
        headers['Last-Event-ID'] = this.#lastEventId;
      }
      this.#watch(controller);
      const response = await fetch(`${config().apiUrl}/events`, { headers, cache: 'no-store', signal: controller.signal });
      if (response.status === 401) {
        refused = true;
        if (auth.token === token) {
          auth.expire();
        }
        this.stop();
        return;
      }
      if (response.status === 400) {
        this.#lastEventId = null; // an id the server cannot read: start afresh (views resync on stream.ready)
      }
      if (!response.ok || !response.body) {
        throw new Error(`HTTP ${response.status}`);
      }
      await this.#read(response.body, controller);
    } catch {
      // a network failure, or the stream was aborted: reconnecting below is the answer to both
    } finally {
      clearTimeout(controller.stallTimer);
      // a stop() (and perhaps a new start()) since this connection opened has already taken over
      if (this.#controller === controller && !refused) {
        this.#controller = null;
        this.#setConnected(false);
      }
    }
    if (this.#running && this.#controller === null) {
      this.#scheduleReconnect();
    }
  }

  async #read(body, controller) {
    const reader = body.getReader();
    const decoder = new TextDecoder();
    const parser = new SseParser((event) => this.#dispatch(event), (ms) => {
      this.#retryMs = Math.max(ms, 500);
    });
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) {
          break;
        }
        this.#watch(controller);
        parser.push(decoder.decode(value, { stream: true }));
      }
      parser.push(decoder.decode());
    } finally {
      reader.releaseLock();
    }
  }

  /** Aborts a connection that has gone silent (a sleeping laptop, a dropped proxy), so it is reopened. */
  #watch(controller) {
    clearTimeout(controller.stallTimer);
    controller.stallTimer = setTimeout(() => controller.abort(), STALL_MS);
  }

  #scheduleReconnect() {
    clearTimeout(this.#reconnectTimer);
    // ~2 s as the server asks; longer while connecting keeps failing (server down, too many tabs)
    const delay = Math.min(this.#retryMs * 2 ** Math.min(this.#failures, 4), MAX_RECONNECT_MS);
    this.#failures += 1;
    this.#reconnectTimer = setTimeout(() => this.#connect(), delay);
  }

  #dispatch({ id, event, data }) {
    if (id) {
      this.#lastEventId = id;
    }
    let payload = null;
    try {
      payload = data ? JSON.parse(data) : null;
    } catch {
      payload = data;
    }
    if (event === 'stream.ready' || event === 'stream.reset') {
      this.#failures = 0;
      if (payload?.lastEventId != null && !id) {
        this.#lastEventId = String(payload.lastEventId);
      }
      this.#setConnected(true);
    }
    this.dispatchEvent(new CustomEvent(event, { detail: payload }));
    if (event === 'stream.reset' || (event === 'stream.ready' && !payload?.resumed)) {
      this.dispatchEvent(new CustomEvent('resync', { detail: payload }));
    }
  }

  #setConnected(connected) {
    if (this.#connected === connected) {
      return;
    }
    this.#connected = connected;
    if (connected) {
      document.body.dataset.live = 'connected';
    } else {
      delete document.body.dataset.live;
    }
    this.dispatchEvent(new CustomEvent('status', { detail: { connected } }));
  }
}

export const liveEvents = new LiveEvents();
