package com.renovation.media.variants.imaging;

import java.util.List;

/** The encodings a variant is served in. */
public enum VariantFormat {
    JPEG("image/jpeg", "jpg"),
    WEBP("image/webp", "webp"),
    /** Made by an external avifenc; skipped where {@link AvifSupport#available()} is false. */
    AVIF("image/avif", "avif");

    public static final List<VariantFormat> ALL = List.of(values());

    private final String contentType;
    private final String extension;

    VariantFormat(String contentType, String extension) {
        this.contentType = contentType;
        this.extension = extension;
    }

    public String contentType() {
        return contentType;
    }

    public String extension() {
        return extension;
    }
}
