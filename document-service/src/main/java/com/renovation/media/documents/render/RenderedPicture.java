package com.renovation.media.documents.render;

/**
 * One rendered picture of an artefact version: its bytes, and its size as {@code artefact.rendered} reports it
 * (pixels for PNG, points for PDF, the drawing's own size for SVG).
 */
public record RenderedPicture(byte[] bytes, int width, int height) {
}
