/**
 * What something subscribed to while it was live, undone all at once when it stops: an element leaving the page
 * (LightElement does this on disconnect) or the room store disconnecting. Without it each one kept its own list.
 */
export class Subscriptions {
  #cancels = [];

  /** Subscribes to a bus whose on(name, handler) answers the function that unsubscribes, like liveEvents. */
  listen(source, name, handler) {
    this.add(source.on(name, handler));
  }

  /** Keeps a function to call when everything is cancelled. */
  add(cancel) {
    this.#cancels.push(cancel);
  }

  /** Cancels everything; the list starts empty again (an element can be connected again). */
  cancelAll() {
    this.#cancels.splice(0).forEach((cancel) => cancel());
  }
}
