package com.renovation.media.orders.repository;

import com.fasterxml.jackson.annotation.JsonValue;
import jakarta.persistence.EnumeratedValue;

/** A webhook delivery: pending (first try or a retry to come), delivered (a 2xx), failed (given up). */
public enum DeliveryStatus {
    PENDING("pending"),
    DELIVERED("delivered"),
    FAILED("failed");

    @EnumeratedValue
    private final String value;

    DeliveryStatus(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }
}
