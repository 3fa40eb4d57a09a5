package com.renovation.media.assets.repository;

import com.fasterxml.jackson.annotation.JsonValue;
import jakarta.persistence.EnumeratedValue;

/** What happened to an audited entity (a collection's membership changes are logged on the collection). */
public enum AuditAction {
    CREATED("created"),
    UPDATED("updated"),
    DELETED("deleted"),
    /** A session's erasure: its entities' values are scrubbed from the log, this fact stays. */
    ERASED("erased"),
    ITEM_ADDED("item_added"),
    ITEM_REMOVED("item_removed"),
    ITEM_MOVED("item_moved");

    @EnumeratedValue
    private final String value;

    AuditAction(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }
}
