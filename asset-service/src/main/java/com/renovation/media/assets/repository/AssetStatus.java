package com.renovation.media.assets.repository;

import com.fasterxml.jackson.annotation.JsonValue;
import jakarta.persistence.EnumeratedValue;

/**
 * An asset's life: declared ({@code pending}) until its bytes are confirmed ({@code uploaded}), then
 * {@code processing} while variants arrive, {@code ready} once all are in, or {@code failed}.
 */
public enum AssetStatus {
    PENDING("pending"),
    UPLOADED("uploaded"),
    PROCESSING("processing"),
    READY("ready"),
    FAILED("failed");

    /** The value of the {@code room_assets.status} column and of the API. */
    @EnumeratedValue
    private final String value;

    AssetStatus(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }

    /** Its bytes were checked and stored; variants may still be on their way or have failed. */
    public boolean confirmed() {
        return this != PENDING;
    }

    /** Confirmed and still waiting for variants: the states variant events move forward. */
    public boolean awaitsVariants() {
        return this == UPLOADED || this == PROCESSING;
    }
}
