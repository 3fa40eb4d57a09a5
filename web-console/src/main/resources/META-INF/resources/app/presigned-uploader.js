import { BasePlugin } from '/vendor/uppy/uppy.min.mjs';

/**
 * Uppy uploader for the platform's three-step upload: ask for a ticket (getUploadParameters → {method, url,
 * headers}), PUT the bytes straight to storage with exactly the ticket's headers, then confirm (the service
 * checks the stored bytes). Uppy 6's AwsS3 plugin cannot do this: it signs through signRequest/getCredentials/
 * Companion and sends no headers but Content-Type, while the ticket's URL is signed over more (x-amz-acl).
 *
 * Options: getUploadParameters(file, signal) → {method, url, headers, fields, expiresAt},
 * confirm(file, parameters, signal) → the service's answer (the upload-success body), limit (parallel files).
 * A failure is emitted as upload-error with the service's own words, so Uppy shows the file failed and offers
 * retry; a retry reuses the ticket while the bytes may still be missing, and asks for a new one otherwise.
 */

// headers a browser sets itself and refuses from scripts (it would log an error for each)
const FORBIDDEN_HEADERS = new Set(['accept-charset', 'accept-encoding', 'connection', 'content-length', 'cookie',
  'date', 'dnt', 'expect', 'host', 'keep-alive', 'origin', 'referer', 'te', 'trailer', 'transfer-encoding',
  'upgrade', 'via']);
const TICKET_MARGIN_MS = 30_000;

function abortError() {
  return new DOMException('The upload was cancelled.', 'AbortError');
}

/** The storage service's refusal in words: S3 answers XML with a <Code>. */
function storageError(xhr) {
  const code = /<Code>([^<]+)<\/Code>/.exec(xhr.responseText ?? '')?.[1];
  const error = new Error(`The file store refused the file (HTTP ${xhr.status}${code ? `, ${code}` : ''}).`);
  error.status = xhr.status;
  return error;
}

function put(parameters, body, { signal, onProgress }) {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(abortError());
      return;
    }
    const xhr = new XMLHttpRequest();
    xhr.open(parameters.method || 'PUT', parameters.url, true);
    for (const [name, value] of Object.entries(parameters.headers ?? {})) {
      const lower = name.toLowerCase();
      if (!FORBIDDEN_HEADERS.has(lower) && !lower.startsWith('proxy-') && !lower.startsWith('sec-')) {
        xhr.setRequestHeader(name, value);
      }
    }
    xhr.upload.onprogress = (event) => onProgress(event.loaded, event.lengthComputable ? event.total : body.size);
    xhr.onload = () => (xhr.status >= 200 && xhr.status < 300 ? resolve() : reject(storageError(xhr)));
    xhr.onerror = () => reject(new Error('The file could not be sent to the file store (network error).'));
    xhr.onabort = () => reject(abortError());
    signal.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(body);
  });
}

export class PresignedUploader extends BasePlugin {
  #tickets = new Map(); // file id → upload parameters still worth reusing
  #controllers = new Map(); // file id → AbortController of its running upload
  #active = 0;
  #waiting = [];

  constructor(uppy, opts) {
    super(uppy, { limit: 4, ...opts });
    this.id = this.opts.id ?? 'PresignedUploader';
    this.type = 'uploader';
  }

  install() {
    this.uppy.addUploader(this.#upload);
    this.uppy.on('file-removed', this.#onFileRemoved);
    this.uppy.on('cancel-all', this.#onCancelAll);
  }

  uninstall() {
    this.uppy.removeUploader(this.#upload);
    this.uppy.off('file-removed', this.#onFileRemoved);
    this.uppy.off('cancel-all', this.#onCancelAll);
    this.#onCancelAll();
  }

  #onFileRemoved = (file) => {
    this.#controllers.get(file.id)?.abort();
    this.#tickets.delete(file.id);
  };

  #onCancelAll = () => {
    this.#controllers.forEach((controller) => controller.abort());
    this.#tickets.clear();
  };

  #upload = async (fileIDs) => {
    const files = this.uppy.getFilesByIds(fileIDs).filter((file) => !file.error && !file.progress.uploadComplete);
    if (files.length === 0) {
      return;
    }
    this.uppy.emit('upload-start', files);
    await Promise.allSettled(files.map((file) => this.#limited(() => this.#uploadFile(file.id))));
  };

  /** At most `limit` files move at once, across every batch (autoProceed starts one per drop). */
  async #limited(task) {
    if (this.#active >= this.opts.limit) {
      await new Promise((resolve) => this.#waiting.push(resolve));
    }
    this.#active += 1;
    try {
      return await task();
    } finally {
      this.#active -= 1;
      this.#waiting.shift()?.();
    }
  }

  async #uploadFile(fileId) {
    const file = this.uppy.getFile(fileId);
    if (!file) {
      return; // removed while it waited for its turn
    }
    const controller = new AbortController();
    this.#controllers.set(fileId, controller);
    const { signal } = controller;
    try {
      let parameters = this.#tickets.get(fileId);
      if (!parameters || Date.parse(parameters.expiresAt) - TICKET_MARGIN_MS < Date.now()) {
        this.#tickets.delete(fileId);
        parameters = await this.opts.getUploadParameters(file, signal);
        this.#tickets.set(fileId, parameters);
      }
      await put(parameters, file.data, {
        signal,
        onProgress: (loaded, total) => {
          const current = this.uppy.getFile(fileId);
          if (current) {
            // 100 % only once the service has accepted the file
            this.uppy.emit('upload-progress', current, {
              uploadStarted: current.progress.uploadStarted ?? Date.now(),
              bytesUploaded: Math.min(loaded, total * 0.99),
              bytesTotal: total,
            });
          }
        },
      });
      let result;
      try {
        result = await this.opts.confirm(this.uppy.getFile(fileId) ?? file, parameters, signal);
      } catch (error) {
        // a refused file's asset is gone: a retry needs a new ticket; a missing upload (409) may be PUT again
        if (error.status >= 400 && error.status < 500 && error.status !== 409) {
          this.#tickets.delete(fileId);
        }
        throw error;
      }
      this.#tickets.delete(fileId);
      const current = this.uppy.getFile(fileId);
      if (current) {
        this.uppy.emit('upload-success', current, { status: 200, body: result, uploadURL: result?.downloadUrl });
      }
    } catch (error) {
      const current = this.uppy.getFile(fileId);
      if (error.name !== 'AbortError' && current) {
        this.uppy.emit('upload-error', current, error instanceof Error ? error : new Error(String(error)));
      }
    } finally {
      this.#controllers.delete(fileId);
    }
  }
}
