package com.renovation.media.assets.repository;

import com.fasterxml.jackson.annotation.JsonValue;
import jakarta.persistence.EnumeratedValue;

/**
 * Who sees a collection: its owner only ({@code private}), anyone holding its slug ({@code unlisted}), or anyone
 * browsing the public listing as well ({@code public}).
 */
public enum CollectionVisibility {
    PRIVATE("private"),
    UNLISTED("unlisted"),
    PUBLIC("public");

    /** The value of the {@code collections.visibility} column and of the API. */
    @EnumeratedValue
    private final String value;

    CollectionVisibility(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }
}
