package com.renovation.media.assets.repository;

import com.fasterxml.jackson.annotation.JsonValue;
import jakarta.persistence.EnumeratedValue;

/**
 * A renovation {@code project} the user made, or the one {@code workspace} per user that holds generated images
 * not kept yet (never listed among the sessions).
 */
public enum SessionKind {
    PROJECT("project"),
    WORKSPACE("workspace");

    /** The value of the {@code sessions.kind} column. */
    @EnumeratedValue
    private final String value;

    SessionKind(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }
}
