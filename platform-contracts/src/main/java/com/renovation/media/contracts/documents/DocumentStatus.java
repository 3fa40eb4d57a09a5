package com.renovation.media.contracts.documents;

import com.fasterxml.jackson.annotation.JsonValue;
import jakarta.persistence.EnumeratedValue;
import java.util.Arrays;

/**
 * Where a document stands, by its column value. asset-service's projection knows pending, ready and failed;
 * document-service's rows also pass through rendering while a renderer holds them.
 */
public enum DocumentStatus {
    PENDING("pending"),
    RENDERING("rendering"),
    READY("ready"),
    FAILED("failed");

    /** What JSON and the database columns hold. */
    @EnumeratedValue
    private final String wire;

    DocumentStatus(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    /** @throws IllegalArgumentException for a value that names no status */
    public static DocumentStatus of(String wire) {
        return Arrays.stream(values()).filter(status -> status.wire.equals(wire)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown document status " + wire));
    }
}
