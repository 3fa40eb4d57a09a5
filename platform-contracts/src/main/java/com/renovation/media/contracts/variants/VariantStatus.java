package com.renovation.media.contracts.variants;

import com.fasterxml.jackson.annotation.JsonValue;
import jakarta.persistence.EnumeratedValue;

/**
 * Where a variant stands in the projections of the services that own its source (asset-service, catalog-service):
 * {@code variant.ready} makes it ready, {@code variant.failed} failed. The worker's own processing states are
 * its business and not this enum.
 */
public enum VariantStatus {
    READY("ready"),
    FAILED("failed");

    /** The value stored in the projections' status columns and shown in the API. */
    @EnumeratedValue
    private final String value;

    VariantStatus(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }
}
