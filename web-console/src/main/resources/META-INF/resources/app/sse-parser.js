/**
 * An incremental parser of the text/event-stream format (the WHATWG HTML "event stream interpretation"):
 * feed it text as it arrives, in chunks cut anywhere; it calls onEvent({id, event, data}) per blank-line
 * terminated block that has data. Comment lines (":keep-alive") only keep the connection busy.
 */
export class SseParser {
  #buffer = '';
  #data = [];
  #event = '';
  #lastEventId = '';
  #started = false;

  constructor(onEvent, onRetry = () => {}) {
    this.onEvent = onEvent;
    this.onRetry = onRetry;
  }

  push(text) {
    let buffer = this.#buffer + text;
    if (!this.#started && buffer.length > 0) {
      this.#started = true;
      if (buffer.charCodeAt(0) === 0xfeff) {
        buffer = buffer.slice(1);
      }
    }
    let lineStart = 0;
    for (let i = 0; i < buffer.length; i++) {
      const c = buffer[i];
      if (c !== '\n' && c !== '\r') {
        continue;
      }
      if (c === '\r' && i === buffer.length - 1) {
        break; // a CR ending the chunk: its LF may start the next one
      }
      this.#line(buffer.slice(lineStart, i));
      if (c === '\r' && buffer[i + 1] === '\n') {
        i++;
      }
      lineStart = i + 1;
    }
    this.#buffer = buffer.slice(lineStart);
  }

  #line(line) {
    if (line === '') {
      this.#dispatch();
      return;
    }
    if (line.startsWith(':')) {
      return;
    }
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) {
      value = value.slice(1);
    }
    switch (field) {
      case 'event':
        this.#event = value;
        break;
      case 'data':
        this.#data.push(value);
        break;
      case 'id':
        if (!value.includes('\0')) {
          this.#lastEventId = value;
        }
        break;
      case 'retry':
        if (/^\d+$/.test(value)) {
          this.onRetry(Number(value));
        }
        break;
      default:
        break; // unknown fields are ignored, as the format says
    }
  }

  #dispatch() {
    const hasData = this.#data.length > 0;
    const event = { id: this.#lastEventId, event: this.#event || 'message', data: this.#data.join('\n') };
    this.#data = [];
    this.#event = '';
    if (hasData) {
      this.onEvent(event);
    }
  }
}
