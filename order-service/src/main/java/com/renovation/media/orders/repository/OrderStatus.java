package com.renovation.media.orders.repository;

import com.fasterxml.jackson.annotation.JsonValue;
import jakarta.persistence.EnumeratedValue;

/**
 * An order's life: waiting for its payment, its jobs running, then how they ended (or refunded, or expired unpaid
 * with its temporary uploads).
 */
public enum OrderStatus {
    PENDING_PAYMENT("pending_payment"),
    PROCESSING("processing"),
    COMPLETED("completed"),
    PARTIALLY_FAILED("partially_failed"),
    FAILED("failed"),
    REFUNDED("refunded"),
    EXPIRED("expired");

    /** The column's value and the API's. */
    @EnumeratedValue
    private final String value;

    OrderStatus(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }
}
