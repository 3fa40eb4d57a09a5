package com.renovation.media.contracts.predictions;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/** A prediction's status in the provider's API (Replicate's values). */
public enum PredictionStatus {
    STARTING("starting"),
    PROCESSING("processing"),
    SUCCEEDED("succeeded"),
    FAILED("failed"),
    CANCELED("canceled");

    private final String value;

    PredictionStatus(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }

    public boolean terminal() {
        return this == SUCCEEDED || this == FAILED || this == CANCELED;
    }

    public static Optional<PredictionStatus> find(String value) {
        return Arrays.stream(values()).filter(status -> status.value.equals(value)).findFirst();
    }
}
