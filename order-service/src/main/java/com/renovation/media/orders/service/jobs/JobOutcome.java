package com.renovation.media.orders.service.jobs;

/** What one step of a claimed job found, written by {@link JobOutcomes} in one short transaction. */
public sealed interface JobOutcome {

    /** The prediction of {@code externalId} is running: ask again after the poll interval. */
    record Running(String externalId) implements JobOutcome {
    }

    /** The output is stored at {@code bucket}/{@code storagePath}. */
    record Completed(String externalId, String outputUrl, String bucket, String storagePath, String contentType,
            long bytes, String sha256) implements JobOutcome {
    }

    /** The attempt failed; retried (after the backoff) when {@code retryable} and attempts remain. */
    record Failed(JobErrorCode code, String message, boolean retryable, String externalId) implements JobOutcome {
    }

    /**
     * The provider's answer never arrived (a timeout, a connection broken after sending): it may have acted on the
     * request. The same step is repeated after the backoff without spending an attempt: a create under the same
     * idempotency key ({@code externalId} null), which finds the prediction if it was made; a poll of the same
     * prediction. The job's deadline ends a provider that never answers.
     */
    record Unanswered(JobErrorCode code, String message, String externalId) implements JobOutcome {
    }
}
