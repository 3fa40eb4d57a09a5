package com.renovation.media.assets.repository;

import com.fasterxml.jackson.annotation.JsonValue;
import jakarta.persistence.EnumeratedValue;

/** Where something document-service makes for an artefact stands: a version's thumbnail, or an export. */
public enum RenderStatus {
    PENDING("pending"),
    READY("ready"),
    FAILED("failed");

    /** The value of the {@code thumbnail_status} and {@code status} columns and of the API. */
    @EnumeratedValue
    private final String value;

    RenderStatus(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }
}
