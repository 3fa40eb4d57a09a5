import { AwsS3, Dashboard, Uppy } from 'uppy';
import { html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { announce } from '../announcer.js';
import { confirmUpload, deleteAsset, listUploadedParts, requestUpload, signUploadParts } from '../api.js';
import { listStyles } from '../catalog-api.js';
import { LightElement } from '../light-element.js';
import { ASSET_TYPES } from '../vocabulary.js';

/**
 * Uploads into a room, or (with `workspace`) into the caller's workspace, where files wait 7 days to be kept.
 * Uppy's Dashboard (drag and drop, many files, progress per file, retry) and its AwsS3 plugin over the
 * platform's flow: a ticket (the presigned PUT and the headers it is signed over), the PUT straight to storage,
 * then confirm, which Uppy runs as a post-processing step so a refusal fails that file. The asset type (and, for
 * AI renders, prompt, model and seed) is taken when a file is added. Each refusal is listed as "<file>: <the
 * service's reason>". A file above 16 MiB travels in parts (AwsS3's multipart mode over asset-service's upload in
 * parts; a video always does): each part's SHA-256 is declared with the upload, so storage refuses a part whose
 * bytes changed on the way; a part that fails is sent again alone, from a fresh URL once its own expired, and
 * completing is the confirm with every part's ETag.
 */

// Uppy's stylesheet comes with the uploader, not with every page; before the console's own, which refines it
const UPPY_STYLESHEET = import.meta.resolve('uppy').replace(/\.mjs$/, '.css');
if (!document.querySelector(`link[href="${UPPY_STYLESHEET}"]`)) {
  const link = Object.assign(document.createElement('link'), { rel: 'stylesheet', href: UPPY_STYLESHEET });
  document.head.insertBefore(link, document.querySelector('link[href="/app/styles.css"]'));
}

const TYPE_BY_EXTENSION = {
  jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp', heic: 'image/heic', heif: 'image/heif',
  avif: 'image/avif', pdf: 'application/pdf', mp4: 'video/mp4', m4v: 'video/mp4', mov: 'video/quicktime',
  webm: 'video/webm',
};

function contentTypeOf(file) {
  const extension = (file.extension || file.name.split('.').pop() || '').toLowerCase();
  return file.type || TYPE_BY_EXTENSION[extension] || 'application/octet-stream';
}

const MIB = 1024 * 1024;
const MULTIPART_ABOVE = 16 * MIB;

/** 16 MiB parts, or larger ones for a file that would otherwise need more than storage's 10,000 parts. */
function partSizeOf(size) {
  return Math.max(16 * MIB, Math.ceil(size / 10000 / MIB) * MIB);
}

/**
 * The SHA-256 of each part, in hex, one part in memory at a time: declared with the upload, each part's URL binds
 * its checksum and storage refuses a part whose bytes changed on the way.
 */
async function partChecksums(blob, partSize, signal) {
  const checksums = [];
  for (let start = 0; start < blob.size; start += partSize) {
    signal?.throwIfAborted();
    const digest = await crypto.subtle.digest('SHA-256', await blob.slice(start, start + partSize).arrayBuffer());
    checksums.push(Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join(''));
  }
  return checksums;
}

// a part URL this close to its expiry is signed again before the PUT
const URL_MARGIN_MS = 60_000;

// Uppy logs every refused upload as a console error; the page already shows them, so they go to debug
const quietLogger = { debug: () => {}, warn: () => {}, error: (...args) => console.debug('[uploader]', ...args) };

/** The same file may be added again once its earlier upload is over (done or failed): it is a new asset. */
function allowReupload(file, files) {
  const earlier = files[file.id];
  if (!earlier) {
    return true;
  }
  if (earlier.progress?.uploadComplete || earlier.error) {
    return { ...file, id: `${file.id}-${crypto.randomUUID()}` };
  }
  return false; // still uploading: Uppy says it is a duplicate
}

// headers a browser sets itself and refuses from scripts (it would log an error for each)
const FORBIDDEN_HEADERS = new Set(['accept-charset', 'accept-encoding', 'connection', 'content-length', 'cookie',
  'date', 'dnt', 'expect', 'host', 'keep-alive', 'origin', 'referer', 'te', 'trailer', 'transfer-encoding',
  'upgrade', 'via']);

function browserHeaders(headers) {
  return Object.fromEntries(Object.entries(headers ?? {}).filter(([name]) => {
    const lower = name.toLowerCase();
    return !FORBIDDEN_HEADERS.has(lower) && !lower.startsWith('proxy-') && !lower.startsWith('sec-');
  }));
}

class AssetUploader extends LightElement {
  static properties = {
    roomId: { type: String },
    workspace: { type: Boolean },
    store: { attribute: false },
    assetType: { state: true },
    aiRender: { state: true },
    temporary: { state: true },
    styles: { state: true },
    seedError: { state: true },
    errors: { state: true },
  };

  #uppy = null;
  #render = { prompt: '', modelVersion: '', seed: '', styleApplied: '' };

  constructor() {
    super();
    this.workspace = false;
    this.assetType = 'photo';
    this.aiRender = false;
    this.temporary = false; // for an order not yet paid: erased after 24 hours unless it is paid
    this.styles = null; // the catalog's styles, read the first time a render is chosen
    this.seedError = '';
    this.errors = [];
  }

  connectedCallback() {
    super.connectedCallback();
    if (this.hasUpdated && !this.#uppy) {
      this.#createUppy();
    }
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.#uppy?.destroy();
    this.#uppy = null;
  }

  firstUpdated() {
    this.#createUppy();
  }

  #createUppy() {
    const uppy = new Uppy({
      id: this.workspace ? 'workspace' : `room-${this.roomId}`,
      autoProceed: true,
      logger: quietLogger,
      onBeforeFileAdded: allowReupload,
      meta: this.#meta(),
    });
    uppy.use(Dashboard, {
      inline: true,
      target: this.querySelector('[data-test="uploader"]'),
      width: '100%',
      height: 320,
      theme: 'light',
      note: this.#note(),
      proudlyDisplayPoweredByUppy: false,
      showRemoveButtonAfterComplete: true,
      fileManagerSelectionType: 'files',
    });
    uppy.use(AwsS3, {
      // a video always travels in parts (asset-service asks it to), whatever its size
      shouldUseMultipart: (file) => file.size > MULTIPART_ABOVE || file.meta.assetType === 'video',
      getChunkSize: (file) => partSizeOf(file.size),
      limit: 4,
      getUploadParameters: (file, options) => this.#getUploadParameters(file, options?.signal),
      createMultipartUpload: (file, signal) => this.#createMultipartUpload(file, signal),
      signPart: (file, options) => this.#signPart(options),
      listParts: (file, { key, signal }) => this.#listParts(key, signal),
      abortMultipartUpload: (file, { key }) => this.#abort(key),
      completeMultipartUpload: (file, { key, parts, signal }) => this.#complete(file, key, parts, signal),
    });
    uppy.addPostProcessor((fileIds) => this.#confirmAll(fileIds));
    uppy.on('upload-error', (file, error) => this.#failed(file, error));
    uppy.on('upload-retry', (file) => this.#forget(typeof file === 'string' ? file : file?.id));
    this.#uppy = uppy;
  }

  /**
   * Asks asset-service for a ticket: the presigned PUT and the exact headers it is signed over (minus those a
   * browser sets itself). Each attempt, a retry too, is a new asset: a refused one no longer exists.
   */
  async #getUploadParameters(file, signal) {
    const ticket = await this.#requestTicket(file, { multipart: false }, signal);
    return { method: ticket.method, url: ticket.uploadUrl, headers: browserHeaders(ticket.headers), fields: {} };
  }

  async #requestTicket(file, how, signal) {
    const { assetType, source, renderMetadata, temporary } = file.meta;
    const ticket = await requestUpload({
      ...(this.workspace ? { workspace: true } : { roomId: this.roomId }),
      assetType: assetType ?? 'photo',
      filename: file.name,
      contentType: contentTypeOf(file),
      size: file.size,
      source: source ?? undefined,
      metadata: renderMetadata ?? undefined,
      temporary: temporary || undefined,
      ...how,
    }, signal);
    this.#uppy?.setFileMeta(file.id, { assetId: ticket.assetId });
    return ticket;
  }

  // an upload in parts: its asset id is the key Uppy hands back; the ticket's part URLs are used until they expire
  #partUrls = new Map();
  #confirmed = new Map();

  async #createMultipartUpload(file, signal) {
    const partSize = partSizeOf(file.size);
    const partSha256s = await partChecksums(file.data, partSize, signal);
    const ticket = await this.#requestTicket(file, { multipart: true, partSize, partSha256s }, signal);
    this.#partUrls.set(ticket.assetId, new Map(ticket.parts.map((part) => [part.partNumber, part])));
    return { uploadId: ticket.uploadId, key: ticket.assetId };
  }

  async #signPart({ key, partNumber, signal }) {
    let part = this.#partUrls.get(key)?.get(partNumber);
    if (!part || Date.parse(part.expiresAt) - Date.now() < URL_MARGIN_MS) {
      [part] = (await signUploadParts(key, [partNumber], signal)).parts;
      this.#partUrls.get(key)?.set(partNumber, part);
    }
    return { method: part.method, url: part.url, headers: browserHeaders(part.headers) };
  }

  /** What storage already holds, after the connection dropped: Uppy then sends only the rest. */
  async #listParts(key, signal) {
    const held = await listUploadedParts(key, signal);
    return held.parts.map((part) => ({ PartNumber: part.partNumber, Size: part.size, ETag: part.etag }));
  }

  async #abort(key) {
    this.#partUrls.delete(key);
    await deleteAsset(key);
  }

  /** Completing is the confirm, with every part's ETag: a refusal fails the file with the service's reason. */
  async #complete(file, key, parts, signal) {
    this.#partUrls.delete(key);
    try {
      const asset = await confirmUpload(key, signal,
        parts.map((part) => ({ partNumber: part.PartNumber, etag: part.ETag })));
      this.#confirmed.set(key, asset);
      return {};
    } catch (error) {
      if (error.status === 422 || error.status === 404 || error.status === 409) { // refused, gone, or bytes the session holds
        this.store?.remove(key);
      }
      throw error;
    }
  }

  /** After the PUTs: the service checks each file's stored bytes; a refusal fails that file in Uppy, with the reason. */
  async #confirmAll(fileIds) {
    const uppy = this.#uppy;
    const files = fileIds.map((id) => uppy?.getFile(id)).filter((file) => file && !file.error && file.meta.assetId);
    files.forEach((file) => uppy.emit('postprocess-progress', file, { mode: 'indeterminate', message: 'Checking the file' }));
    await Promise.all(files.map(async (file) => {
      try {
        const asset = this.#confirmed.get(file.meta.assetId) ?? await confirmUpload(file.meta.assetId);
        this.#confirmed.delete(file.meta.assetId);
        uppy.emit('postprocess-complete', file);
        this.#uploaded(file, asset);
      } catch (error) {
        if (error.status === 422 || error.status === 404 || error.status === 409) { // refused, gone, or bytes the session holds
          this.store?.remove(file.meta.assetId);
        }
        uppy.emit('postprocess-complete', file);
        uppy.emit('upload-error', uppy.getFile(file.id), error);
      }
    }));
  }

  #uploaded(file, asset) {
    this.#forget(file?.id);
    this.store?.upsert(asset);
    announce(`${file?.name ?? 'The file'} uploaded.`);
    // it is in the gallery now: the drop zone comes back once the batch is through, refused files stay for retry
    setTimeout(() => {
      if (this.#uppy?.getFile(file.id)) {
        this.#uppy.removeFile(file.id);
      }
    }, 1500);
  }

  #failed(file, error) {
    if (!file) {
      return;
    }
    // the session holds these bytes already (asset-service answers 409 duplicate-upload, naming the asset): a person
    // needs to know the photo is there, not the other asset's id
    const text = error?.type === 'urn:media-platform:problem:duplicate-upload'
      ? `${file.name} is already in this session, so it was not added again.`
      : `${file.name}: ${error?.message || 'the upload failed'}`;
    this.errors = [...this.errors.filter((entry) => entry.id !== file.id), { id: file.id, text }];
  }

  #forget(fileId) {
    if (fileId && this.errors.some((entry) => entry.id === fileId)) {
      this.errors = this.errors.filter((entry) => entry.id !== fileId);
    }
  }

  /** What files added from now on are uploaded as. */
  #meta() {
    const render = this.assetType === 'render';
    const ai = render && this.aiRender;
    let renderMetadata = null;
    if (render && this.#render.styleApplied) {
      renderMetadata = { styleApplied: this.#render.styleApplied };
    }
    if (ai) {
      renderMetadata = { ...renderMetadata };
      const { prompt, modelVersion, seed } = this.#render;
      if (prompt.trim()) {
        renderMetadata.prompt = prompt.trim();
      }
      if (modelVersion.trim()) {
        renderMetadata.modelVersion = modelVersion.trim();
      }
      if (/^-?\d+$/.test(seed.trim()) && Number.isSafeInteger(Number(seed.trim()))) {
        renderMetadata.seed = Number(seed.trim());
      }
    }
    return {
      assetType: this.assetType, source: ai ? 'ai_generated' : 'user_upload', renderMetadata,
      temporary: !this.workspace && this.temporary,
    };
  }

  #note() {
    const type = ASSET_TYPES.find((candidate) => candidate.value === this.assetType);
    return `${type.label}: ${type.accepts}.`;
  }

  #syncMeta() {
    if (this.#uppy) {
      this.#uppy.setMeta(this.#meta());
      this.#uppy.getPlugin('Dashboard')?.setOptions({ note: this.#note() });
    }
  }

  #typeChanged(event) {
    this.assetType = event.target.value;
    this.#syncMeta();
    if (this.assetType === 'render' && this.styles == null) {
      this.#loadStyles();
    }
  }

  /** A render may name the catalog style it applies (the service accepts only the catalog's). */
  async #loadStyles() {
    this.styles = [];
    try {
      this.styles = (await listStyles(null)).items;
    } catch {
      this.styles = null; // the field stays empty; choosing the type again retries
    }
  }

  #renderField(name, event) {
    this.#render = { ...this.#render, [name]: event.target.value };
    if (name === 'seed') {
      const seed = event.target.value.trim();
      this.seedError = seed && !(/^-?\d+$/.test(seed) && Number.isSafeInteger(Number(seed))) ? 'The seed is a whole number.' : '';
    }
    this.#syncMeta();
  }

  #renderFields() {
    if (this.assetType !== 'render') {
      return nothing;
    }
    return html`<fieldset class="fieldset">
      <legend>Render details</legend>
      <div class="field">
        <label class="field__label" for="render-style">Style applied <span class="optional">(optional)</span></label>
        <select id="render-style" class="input" data-test="render-style"
          @change=${(event) => this.#renderField('styleApplied', event)}>
          <option value="">None</option>
          ${(this.styles ?? []).map((style) => html`<option value=${style.slug} ?selected=${style.slug === this.#render.styleApplied}>${style.name}</option>`)}
        </select>
      </div>
      <label class="check">
        <input type="checkbox" .checked=${this.aiRender}
          @change=${(event) => { this.aiRender = event.target.checked; this.#syncMeta(); }}>
        AI-generated render
      </label>
      ${this.aiRender ? html`<div class="grid-fields">
        <div class="field field--wide">
          <label class="field__label" for="render-prompt">Prompt</label>
          <textarea id="render-prompt" class="input" rows="2" maxlength="4000" .value=${this.#render.prompt}
            @input=${(event) => this.#renderField('prompt', event)}></textarea>
        </div>
        <div class="field">
          <label class="field__label" for="render-model">Model</label>
          <input id="render-model" class="input" type="text" maxlength="4000" .value=${this.#render.modelVersion}
            @input=${(event) => this.#renderField('modelVersion', event)}>
        </div>
        <div class="field">
          <label class="field__label" for="render-seed">Seed</label>
          <input id="render-seed" class="input" type="text" inputmode="numeric" .value=${this.#render.seed}
            aria-invalid=${this.seedError ? 'true' : 'false'} aria-describedby="render-seed-error"
            @input=${(event) => this.#renderField('seed', event)}>
          <p id="render-seed-error" class="field-error" role="alert">${this.seedError}</p>
        </div>
      </div>
` : nothing}
      <p class="field__hint">These details go with the files you add next.</p>
    </fieldset>`;
  }

  render() {
    const hasErrors = this.errors.length > 0;
    return html`
      <div class="uploader__controls">
        <div class="field">
          <label class="field__label" for="asset-type">Upload as</label>
          <select id="asset-type" class="input" data-test="asset-type" @change=${this.#typeChanged}>
            ${ASSET_TYPES.map((type) => html`<option value=${type.value} ?selected=${type.value === this.assetType}>${type.label}</option>`)}
          </select>
        </div>
        <p class="field__hint uploader__hint">Drop files onto the area below or browse; each one is checked before it joins the ${this.workspace ? 'workspace' : 'room'}.</p>
      </div>
      ${this.workspace ? nothing : html`<label class="check uploader__temporary">
        <input type="checkbox" data-test="upload-temporary" .checked=${this.temporary}
          @change=${(event) => { this.temporary = event.target.checked; this.#syncMeta(); }}>
        <span>Only for an order: kept 24 hours, and for good once the order is paid</span></label>`}
      ${this.#renderFields()}
      <div class="uploader__dashboard" data-test="uploader"></div>
      <ul class="upload-errors ${hasErrors ? 'upload-errors--shown' : ''}" role="alert" data-test="upload-errors"
        aria-label="Files that were not accepted">${repeat(this.errors, (entry) => entry.id, (entry) => html`<li>${entry.text}</li>`)}</ul>
      ${hasErrors ? html`<button class="button button--quiet" type="button" @click=${() => { this.errors = []; }}>Clear these messages</button>` : nothing}
    `;
  }
}

customElements.define('asset-uploader', AssetUploader);
