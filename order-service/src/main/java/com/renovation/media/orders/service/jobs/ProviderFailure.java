package com.renovation.media.orders.service.jobs;

/**
 * A failed step of an attempt: its code, a message for the job's error_message, whether a retry may help, and
 * whether the provider may have acted on the request although its answer never arrived (a timeout, a connection
 * broken after sending). Such a create is repeated under the same idempotency key rather than counted as a failed
 * attempt: the provider may have created the prediction.
 */
public class ProviderFailure extends RuntimeException {

    private final JobErrorCode code;
    private final boolean retryable;
    private final boolean outcomeUnknown;

    public ProviderFailure(JobErrorCode code, String message, boolean retryable) {
        this(code, message, retryable, false);
    }

    public ProviderFailure(JobErrorCode code, String message, boolean retryable, boolean outcomeUnknown) {
        super(message, null, false, false);
        this.code = code;
        this.retryable = retryable;
        this.outcomeUnknown = outcomeUnknown;
    }

    public JobErrorCode code() {
        return code;
    }

    public boolean retryable() {
        return retryable;
    }

    /** No answer arrived, yet the request may have reached the provider and been acted on. */
    public boolean outcomeUnknown() {
        return outcomeUnknown;
    }
}
