package com.renovation.media.orders.service.jobs;

import com.renovation.media.contracts.orders.ProcessingService;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A job as its claim left it, with everything the network work needs (no session is open during that work).
 * {@code lease} is the lease this claim set: the outcome is written only while the job still carries it (a worker
 * that took longer than its lease has lost the job to another). {@code source} is null when the original is no
 * longer known.
 */
public record ClaimedJob(UUID jobId, UUID orderId, ProcessingService service, int attempt, String externalId,
        Map<String, Object> options, boolean deadlinePassed, Instant lease, Source source, String ownerId,
        UUID parentAssetId, UUID outputAssetId) {

    /** Where the original is, and so where the output goes (same bucket, same session and room). */
    public record Source(String bucket, String storagePath, UUID sessionId, UUID roomId) {
    }

    /** The idempotency key of this attempt: a repeated create of the same attempt finds the same prediction. */
    public String idempotencyKey() {
        return "job-" + jobId + "-attempt-" + attempt;
    }
}
