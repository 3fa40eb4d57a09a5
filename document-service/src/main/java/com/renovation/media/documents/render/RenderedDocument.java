package com.renovation.media.documents.render;

import java.util.List;

/** A rendered PDF with what is worth recording about it. */
public record RenderedDocument(byte[] pdf, int pageCount, int imageCount, List<String> skippedImages) {
}
