package com.renovation.media.orders.repository;

import com.fasterxml.jackson.annotation.JsonValue;
import jakarta.persistence.EnumeratedValue;

/**
 * A mail's delivery: queued (waiting, or waiting for a retry), sending (a worker holds it), then sent, bounced
 * (the server refused it for good) or failed (no address, attempts spent, or a send whose outcome was lost).
 */
public enum NotificationStatus {
    QUEUED("queued"),
    SENDING("sending"),
    SENT("sent"),
    FAILED("failed"),
    BOUNCED("bounced");

    @EnumeratedValue
    private final String value;

    NotificationStatus(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }
}
