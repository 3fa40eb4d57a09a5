package com.renovation.media.storage.svg;

import java.nio.charset.StandardCharsets;

/**
 * An SVG document that passed the sanitiser, re-serialised (UTF-8, SVG namespace, no comments, nothing but the
 * allowed elements and attributes). {@code width} and {@code height} are its size in user units, from its viewBox
 * or else its width and height attributes.
 */
public record SanitizedSvg(byte[] content, double width, double height, int elements) {

    public String text() {
        return new String(content, StandardCharsets.UTF_8);
    }
}
