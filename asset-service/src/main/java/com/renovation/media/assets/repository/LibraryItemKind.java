package com.renovation.media.assets.repository;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a library item keeps: one of the user's {@code asset}s or a catalog {@code style_image}. */
public enum LibraryItemKind {
    ASSET("asset", "asset_id"),
    STYLE_IMAGE("style_image", "style_image_id");

    private final String value;
    /** The {@code library_items} column that names the kept thing. */
    private final String column;

    LibraryItemKind(String value, String column) {
        this.value = value;
        this.column = column;
    }

    @JsonValue
    public String value() {
        return value;
    }

    String column() {
        return column;
    }
}
