import { formatBytes } from './format.js';

/** The largest drawing asset-service takes (platform.artefacts.max-content-bytes); it checks again. */
export const MAX_SVG_BYTES = 5 * 1024 * 1024;

/**
 * The text of an .svg file the user chose, refused here when it cannot be one (too large, not text) so the
 * message comes at once; what the SVG may contain is for asset-service's sanitiser to say.
 */
export async function readSvgFile(file) {
  if (file.size > MAX_SVG_BYTES) {
    throw new Error(`This file is ${formatBytes(file.size)}; a drawing can be at most ${formatBytes(MAX_SVG_BYTES)}.`);
  }
  const text = await file.text();
  if (!/<svg[\s>]/.test(text)) {
    throw new Error(`“${file.name}” is not an SVG drawing.`);
  }
  return text;
}
