package com.renovation.media.orders.service.jobs;

import com.renovation.media.contracts.events.payload.OrderCompleted;
import com.renovation.media.contracts.events.payload.OrderOutputReady;
import com.renovation.media.messaging.outbox.Outbox;
import com.renovation.media.orders.config.JobsConfig;
import com.renovation.media.orders.config.ProviderConfig;
import com.renovation.media.orders.repository.Job;
import com.renovation.media.orders.repository.JobStatus;
import com.renovation.media.orders.repository.JobWorkRepository;
import com.renovation.media.orders.repository.Order;
import com.renovation.media.orders.repository.OrderStatus;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.logging.Logger;

/**
 * Writes what a step of a job found, in one short transaction that takes the order's lock, then the job's, and
 * re-reads the job: a job found ended (cancelled by a refund, say) is never moved out of it, and a job whose lease
 * is no longer this worker's (it took too long; another has it) is left to its new holder. When the job's end is
 * the order's last, the order ends in the same transaction (completed, partially_failed or failed) with
 * order.completed in the outbox.
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
    private final JobsConfig jobs;
    private final ProviderConfig provider;

    public JobOutcomes(JobWorkRepository repository, Outbox outbox, JobsConfig jobs, ProviderConfig provider) {
        this.repository = repository;
        this.outbox = outbox;
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
                .chain(() -> endOrderIfLast(order, now))
                .replaceWith(Written.RECORDED);
    }

    private Uni<Written> failed(Order order, Job job, JobOutcome.Failed failed, Instant now) {
        job.errorCode = failed.code().value();
        job.errorMessage = failed.message() == null ? null : failed.message().length() > MAX_ERROR_MESSAGE
                ? failed.message().substring(0, MAX_ERROR_MESSAGE) : failed.message();
        // the next attempt is a new prediction under a new key
        job.externalId = null;
        if (failed.retryable() && job.attempts < job.maxAttempts) {
            Instant retryAt = now.plus(Backoff.after(job.attempts, jobs.backoff(),
                    () -> ThreadLocalRandom.current().nextDouble()));
            // a retry due after the deadline is taken at the deadline, and fails as deadline_exceeded
            job.nextAttemptAt = job.deadlineAt != null && retryAt.isAfter(job.deadlineAt) ? job.deadlineAt : retryAt;
            job.status = JobStatus.QUEUED;
            return Uni.createFrom().item(Written.RECORDED);
        }
        job.status = JobStatus.FAILED;
        job.failedAt = now;
        return endOrderIfLast(order, now).replaceWith(Written.RECORDED);
    }

    /** The order ends with its last job: completed (all completed), partially_failed (some), failed (none). */
    private Uni<Void> endOrderIfLast(Order order, Instant now) {
        if (order.status != OrderStatus.PROCESSING) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession().chain(session -> session.flush())
                .chain(() -> repository.statusesOfOrder(order.id)).chain(statuses -> {
                    if (statuses.stream().anyMatch(s -> !ended(s))) {
                        return Uni.createFrom().voidItem();
                    }
                    int completed = count(statuses, JobStatus.COMPLETED);
                    int notCompleted = statuses.size() - completed;
                    order.status = notCompleted == 0 ? OrderStatus.COMPLETED
                            : completed == 0 ? OrderStatus.FAILED : OrderStatus.PARTIALLY_FAILED;
                    order.completedAt = now;
                    order.updatedAt = now;
                    return outbox.add(new OrderCompleted(order.id, order.number, order.sessionId, order.ownerId,
                            order.status.value(), completed, notCompleted, now.toString())).replaceWithVoid();
                });
    }

    private static int count(List<JobStatus> statuses, JobStatus status) {
        return (int) statuses.stream().filter(s -> s == status).count();
    }

    static boolean ended(JobStatus status) {
        return status == JobStatus.COMPLETED || status == JobStatus.FAILED || status == JobStatus.CANCELLED;
    }
}
