package com.renovation.media.orders.service.jobs;

import com.renovation.media.contracts.events.payload.OrderOutputReady;
import com.renovation.media.messaging.outbox.Outbox;
import com.renovation.media.orders.config.JobsConfig;
import com.renovation.media.orders.config.ProviderConfig;
import com.renovation.media.orders.repository.Job;
import com.renovation.media.orders.repository.JobStatus;
import com.renovation.media.orders.repository.JobWorkRepository;
import com.renovation.media.orders.repository.Order;
import com.renovation.media.orders.service.Backoff;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.logging.Logger;

/**
 * Writes what a step of a job found, in one short transaction that takes the order's lock, then the job's, and
 * re-reads the job: a job found ended (cancelled by a refund, say) is never moved out of it, and a job whose lease
 * is no longer this worker's (it took too long; another has it) is left to its new holder. When the job's end is
 * the order's last, the order ends in the same transaction ({@link OrderCompletion}). A step whose answer never
 * arrived ({@link JobOutcome.Unanswered}) spends no attempt: it is repeated after the backoff under the same
 * idempotency key, until it is answered or the job's deadline passes.
 */
@ApplicationScoped
public class JobOutcomes {

    private static final Logger LOG = Logger.getLogger(JobOutcomes.class);
    private static final int MAX_ERROR_MESSAGE = 1000;

    /** What the caller should clean up after the transaction: it recorded nothing for a cancelled job. */
    public enum Written {
        RECORDED, JOB_ENDED_MEANWHILE, LEASE_LOST
    }

    private final JobWorkRepository repository;
    private final Outbox outbox;
    private final OrderCompletion completion;
    private final JobsConfig jobs;
    private final ProviderConfig provider;

    public JobOutcomes(JobWorkRepository repository, Outbox outbox, OrderCompletion completion, JobsConfig jobs,
            ProviderConfig provider) {
        this.repository = repository;
        this.outbox = outbox;
        this.completion = completion;
        this.jobs = jobs;
        this.provider = provider;
    }

    public Uni<Written> write(ClaimedJob claimed, JobOutcome outcome) {
        return Panache.withTransaction(() -> repository.lockOrder(claimed.orderId())
                .chain(order -> repository.lockJob(claimed.jobId()).chain(job -> {
                    if (job == null || order == null || ended(job.status)) {
                        return Uni.createFrom().item(Written.JOB_ENDED_MEANWHILE);
                    }
                    if (job.leaseUntil == null || !job.leaseUntil.equals(claimed.lease())) {
                        LOG.infof("job %s: lease lost to another worker, its outcome is dropped", job.id);
                        return Uni.createFrom().item(Written.LEASE_LOST);
                    }
                    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
                    job.leaseUntil = null;
                    job.updatedAt = now;
                    return switch (outcome) {
                        case JobOutcome.Running running -> {
                            job.externalId = running.externalId();
                            job.nextAttemptAt = now.plus(provider.pollInterval());
                            yield Uni.createFrom().item(Written.RECORDED);
                        }
                        case JobOutcome.Completed done -> completed(order, job, claimed, done, now);
                        case JobOutcome.Failed failed -> failed(order, job, failed, now);
                        case JobOutcome.Unanswered unanswered -> {
                            // the same step again after the backoff, in the same attempt: the job stays processing,
                            // so its next claim keeps the attempt and with it the idempotency key
                            job.status = JobStatus.PROCESSING;
                            job.externalId = unanswered.externalId();
                            job.errorCode = unanswered.code().value();
                            job.errorMessage = errorMessage(unanswered.message());
                            job.nextAttemptAt = retryAt(job, now);
                            yield Uni.createFrom().item(Written.RECORDED);
                        }
                    };
                })));
    }

    private Uni<Written> completed(Order order, Job job, ClaimedJob claimed, JobOutcome.Completed done,
            Instant now) {
        job.status = JobStatus.COMPLETED;
        job.completedAt = now;
        job.externalId = done.externalId();
        job.errorCode = null;
        job.errorMessage = null;
        Map<String, Object> output = new LinkedHashMap<>();
        output.put("url", done.outputUrl());
        output.put("bytes", done.bytes());
        output.put("contentType", done.contentType());
        output.put("predictionId", done.externalId());
        output.put("bucket", done.bucket());
        output.put("storagePath", done.storagePath());
        output.put("sha256", done.sha256());
        job.output = output;
        ClaimedJob.Source source = claimed.source();
        return outbox.add(new OrderOutputReady(job.outputAssetId, order.id, job.id, source.sessionId(),
                        source.roomId(), order.ownerId, claimed.parentAssetId(), job.service, done.bucket(),
                        done.storagePath(), done.contentType(), done.bytes(), done.sha256(),
                        OutputNames.of(source.storagePath(), job.service, done.contentType())))
                .chain(() -> completion.finishIfAllJobsEnded(order, now))
                .replaceWith(Written.RECORDED);
    }

    private Uni<Written> failed(Order order, Job job, JobOutcome.Failed failed, Instant now) {
        job.errorCode = failed.code().value();
        job.errorMessage = errorMessage(failed.message());
        // the provider failed this attempt for certain: the next is a new prediction under a new key
        job.externalId = null;
        if (failed.retryable() && job.attempts < job.maxAttempts) {
            job.nextAttemptAt = retryAt(job, now);
            job.status = JobStatus.QUEUED;
            return Uni.createFrom().item(Written.RECORDED);
        }
        job.status = JobStatus.FAILED;
        job.failedAt = now;
        return completion.finishIfAllJobsEnded(order, now).replaceWith(Written.RECORDED);
    }

    private static boolean ended(JobStatus status) {
        return OrderCompletion.ended(status);
    }

    /** After the backoff of the job's attempt; a retry due after the deadline is taken at the deadline (and fails). */
    private Instant retryAt(Job job, Instant now) {
        Instant retryAt = now.plus(Backoff.after(job.attempts, jobs.backoff(),
                () -> ThreadLocalRandom.current().nextDouble()));
        return job.deadlineAt != null && retryAt.isAfter(job.deadlineAt) ? job.deadlineAt : retryAt;
    }

    private static String errorMessage(String message) {
        return message == null ? null : message.length() > MAX_ERROR_MESSAGE
                ? message.substring(0, MAX_ERROR_MESSAGE) : message;
    }
}
