package com.renovation.media.orders.service.jobs;

import com.fasterxml.jackson.annotation.JsonValue;

/** Why a job's attempt (or the job) failed, as {@code jobs.error_code} and the API show it. */
public enum JobErrorCode {
    /** The provider answered, but not as its API says (a 4xx/5xx, a body that is no prediction). */
    PROVIDER_ERROR("provider_error"),
    /** No connection to the provider. */
    PROVIDER_UNREACHABLE("provider_unreachable"),
    /** The provider did not answer within platform.provider.request-timeout. */
    PROVIDER_TIMEOUT("provider_timeout"),
    /** The prediction ended failed or canceled at the provider. */
    PREDICTION_FAILED("prediction_failed"),
    /** The job was not done by its deadline. */
    DEADLINE_EXCEEDED("deadline_exceeded"),
    /** The original is no longer known (deleted with its session, or never confirmed). */
    SOURCE_MISSING("source_missing"),
    /** The output was not at the provider's origin, too large, or not an image the platform accepts. */
    OUTPUT_INVALID("output_invalid");

    private final String value;

    JobErrorCode(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }
}
