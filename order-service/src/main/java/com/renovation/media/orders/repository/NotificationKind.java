package com.renovation.media.orders.repository;

import com.fasterxml.jackson.annotation.JsonValue;
import jakarta.persistence.EnumeratedValue;

/** What a mail tells its recipient; each kind has its templates (templates/notifications/<value>.txt|html). */
public enum NotificationKind {
    ORDER_CONFIRMATION("order_confirmation"),
    PROCESSING_COMPLETE("processing_complete"),
    SESSION_EXPIRING("session_expiring"),
    SHARE_LINK_CREATED("share_link_created");

    @EnumeratedValue
    private final String value;

    NotificationKind(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }
}
