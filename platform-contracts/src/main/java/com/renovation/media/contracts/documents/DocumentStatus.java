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
    private final String value;

    DocumentStatus(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }

    /** @throws IllegalArgumentException for a value that names no status */
    public static DocumentStatus of(String value) {
        return Arrays.stream(values()).filter(status -> status.value.equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown document status " + value));
    }
}
