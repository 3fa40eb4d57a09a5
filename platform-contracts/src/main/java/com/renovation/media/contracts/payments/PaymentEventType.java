package com.renovation.media.contracts.payments;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/** The payment provider's event types the platform acts on; others are acknowledged and ignored. */
public enum PaymentEventType {
    PAYMENT_SUCCEEDED("payment_succeeded"),
    PAYMENT_FAILED("payment_failed"),
    REFUNDED("refunded");

    private final String value;

    PaymentEventType(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }

    public static Optional<PaymentEventType> find(String value) {
        return Arrays.stream(values()).filter(type -> type.value.equals(value)).findFirst();
    }
}
