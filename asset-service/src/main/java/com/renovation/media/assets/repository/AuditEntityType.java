package com.renovation.media.assets.repository;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/** The kinds of entity the audit log's triggers record (V6__audit_log.sql names them). */
public enum AuditEntityType {
    SESSION("session"),
    ROOM("room"),
    ASSET("asset"),
    COMPARISON("comparison"),
    DOCUMENT("document"),
    LIBRARY_ITEM("library_item"),
    COLLECTION("collection"),
    LINK("link"),
    ARTEFACT("artefact");

    private final String value;

    AuditEntityType(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }

    public static Optional<AuditEntityType> of(String value) {
        return Arrays.stream(values()).filter(type -> type.value.equals(value)).findFirst();
    }
}
