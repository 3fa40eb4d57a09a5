package com.renovation.media.catalog.repository;

import com.fasterxml.jackson.annotation.JsonValue;
import jakarta.persistence.EnumeratedValue;

/**
 * A style image's life: declared and never served ({@code uploading}), confirmed and public while its variants
 * are made ({@code pending}), then {@code ready} once all variants are in.
 */
public enum StyleImageStatus {
    UPLOADING("uploading"),
    PENDING("pending"),
    READY("ready");

    /** The value of the {@code style_images.status} column and of the admin API. */
    @EnumeratedValue
    private final String value;

    StyleImageStatus(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }
}
