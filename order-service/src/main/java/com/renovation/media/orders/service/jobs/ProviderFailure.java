package com.renovation.media.orders.service.jobs;

/** A failed step of an attempt: its code, a message for the job's error_message and whether a retry may help. */
public class ProviderFailure extends RuntimeException {

    private final JobErrorCode code;
    private final boolean retryable;

    public ProviderFailure(JobErrorCode code, String message, boolean retryable) {
        super(message, null, false, false);
        this.code = code;
        this.retryable = retryable;
    }

    public JobErrorCode code() {
        return code;
    }

    public boolean retryable() {
        return retryable;
    }
}
