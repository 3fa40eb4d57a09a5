package com.renovation.media.assets.repository;

import com.fasterxml.jackson.annotation.JsonValue;
import jakarta.persistence.EnumeratedValue;

/**
 * What opening a link does: {@code single} redirects to one original, {@code zip} streams the originals as one
 * ZIP, {@code share} answers the items' previews (variants only, never the originals).
 */
public enum LinkKind {
    SINGLE("single"),
    ZIP("zip"),
    SHARE("share");

    /** The value of the {@code links.kind} column and of the API. */
    @EnumeratedValue
    private final String value;

    LinkKind(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }
}
