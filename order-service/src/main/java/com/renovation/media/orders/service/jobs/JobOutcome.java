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
}
