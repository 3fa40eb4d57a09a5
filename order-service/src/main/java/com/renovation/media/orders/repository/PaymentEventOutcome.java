package com.renovation.media.orders.repository;

import com.fasterxml.jackson.annotation.JsonValue;
import jakarta.persistence.EnumeratedValue;

/**
 * What a received payment event did: changed the order, had nothing to do, or contradicted the order and changed
 * nothing.
 */
public enum PaymentEventOutcome {
    APPLIED("applied"),
    IGNORED("ignored"),
    REJECTED("rejected");

    /** The column's value and the API's. */
    @EnumeratedValue
    private final String value;

    PaymentEventOutcome(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }
}
