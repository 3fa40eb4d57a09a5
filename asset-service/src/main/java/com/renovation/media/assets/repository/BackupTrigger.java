package com.renovation.media.assets.repository;

import com.fasterxml.jackson.annotation.JsonValue;
import jakarta.persistence.EnumeratedValue;

/** Why a backup was made: the owner asked for it, or the daily job found the session changed. */
public enum BackupTrigger {
    MANUAL("manual"),
    DAILY("daily");

    /** The value of the {@code session_backups.trigger} column and of the API. */
    @EnumeratedValue
    private final String value;

    BackupTrigger(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }
}
