import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';

/**
 * A video asset's parts as the console shows them: its web MP4 (variant "web", format "mp4", H.264/AAC that every
 * browser plays), its poster (the "optimized" JPEG frame) and its playing time.
 */

export function isVideo(asset) {
  return asset?.assetType === 'video' || (asset?.contentType ?? '').startsWith('video/');
}

/** The web MP4 variant once it is made, else null. */
export function webVideoOf(asset) {
  return (asset?.variants ?? []).find((variant) => variant.variantType === 'web' && variant.format === 'mp4'
    && variant.url) ?? null;
}

function posterOf(asset) {
  const frames = (asset?.variants ?? []).filter((variant) => variant.format === 'jpeg' && variant.url);
  return (frames.find((variant) => variant.variantType === 'optimized') ?? frames[0])?.url;
}

/** 75.4 → "1:15"; 3725 → "1:02:05". */
export function formatDuration(seconds) {
  if (seconds == null || !Number.isFinite(seconds)) {
    return '';
  }
  const whole = Math.round(seconds);
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = String(whole % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** The player of the web MP4, or `nothing` while it is being made. */
export function videoPlayer(asset, { className = '', label } = {}) {
  const web = webVideoOf(asset);
  if (!web) {
    return nothing;
  }
  return html`<video class=${className} data-test="video-player" controls preload="metadata" playsinline
      src=${web.url} poster=${ifDefined(posterOf(asset))} width=${ifDefined(web.width ?? undefined)}
      height=${ifDefined(web.height ?? undefined)} aria-label=${ifDefined(label)}></video>`;
}

/** How far the web MP4 has come, while it is being made: a progress bar with its percentage. */
export function videoProgress(asset) {
  if (!isVideo(asset) || !['uploaded', 'processing'].includes(asset.status) || webVideoOf(asset)) {
    return nothing;
  }
  const percent = Math.max(0, Math.min(100, Math.round(asset.processingProgress ?? 0)));
  return html`<div class="video-progress" data-test="video-progress">
    <label class="video-progress__label" for="progress-${asset.id}">Making the web video: ${percent} %</label>
    <progress id="progress-${asset.id}" class="video-progress__bar" max="100" value=${percent}>${percent} %</progress>
  </div>`;
}
