package com.renovation.media.contracts.events.payload;

import com.fasterxml.jackson.annotation.JsonValue;
import jakarta.persistence.EnumeratedValue;

/** What a variant was made from. */
public enum SourceKind {
    ROOM_ASSET("room_asset"),
    STYLE_IMAGE("style_image");

    /** The value in events and in the variant-worker's {@code source_kind} column. */
    @EnumeratedValue
    private final String value;

    SourceKind(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }
}
