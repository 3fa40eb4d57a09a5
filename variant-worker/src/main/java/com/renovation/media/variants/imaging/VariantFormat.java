package com.renovation.media.variants.imaging;

import java.util.List;

/** The encodings a variant is served in. */
public enum VariantFormat {
    JPEG("image/jpeg", "jpg", false),
    WEBP("image/webp", "webp", false),
    /** Several times slower to encode than the others: made after the source is ready. */
    AVIF("image/avif", "avif", true);

    public static final List<VariantFormat> ALL = List.of(values());

    private final String contentType;
    private final String extension;
    private final boolean deferred;

    VariantFormat(String contentType, String extension, boolean deferred) {
        this.contentType = contentType;
        this.extension = extension;
        this.deferred = deferred;
    }

    /** Made after the source is ready rather than before. */
    public boolean deferred() {
        return deferred;
    }

    public String contentType() {
        return contentType;
    }

    public String extension() {
        return extension;
    }
}
