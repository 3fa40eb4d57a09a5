package com.renovation.media.storage.svg;

/** How much SVG the sanitiser reads: bytes of the document, elements in it, and how deeply they nest. */
public record SvgLimits(int maxBytes, int maxElements, int maxDepth) {

    /** 5 MiB, 100 000 elements, 128 levels: a detailed floor plan from a planning tool fits well within. */
    public static final SvgLimits DEFAULT = new SvgLimits(5 * 1024 * 1024, 100_000, 128);
}
