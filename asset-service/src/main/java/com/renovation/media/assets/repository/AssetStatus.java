package com.renovation.media.assets.repository;

import com.fasterxml.jackson.annotation.JsonValue;
import jakarta.persistence.EnumeratedValue;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

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

    public static Optional<AssetStatus> find(String value) {
        return Arrays.stream(values()).filter(s -> s.value.equals(value)).findFirst();
    }

    /** "pending, uploaded, …": what a filter may name. */
    public static String allValues() {
        return Arrays.stream(values()).map(AssetStatus::value).collect(Collectors.joining(", "));
    }

    /** Confirmed and not failed: what room reports show and the storage gauges count. */
    public static final Set<AssetStatus> IN_USE = EnumSet.of(UPLOADED, PROCESSING, READY);

    /** Confirmed and still waiting for variants: the states variant events move forward. */
    public boolean awaitsVariants() {
        return this == UPLOADED || this == PROCESSING;
    }
}
