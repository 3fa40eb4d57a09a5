package com.renovation.media.orders.service.jobs;

import com.renovation.media.contracts.predictions.Prediction;
import com.renovation.media.contracts.predictions.PredictionRequest;
import com.renovation.media.contracts.predictions.PredictionStatus;
import com.renovation.media.jobs.LockedBatchJob;
import com.renovation.media.jobs.LockedBatches;
import com.renovation.media.orders.config.JobsConfig;
import com.renovation.media.orders.config.ProviderConfig;
import com.renovation.media.orders.repository.Job;
import com.renovation.media.orders.repository.JobStatus;
import com.renovation.media.orders.repository.JobWorkRepository;
import com.renovation.media.storage.filetype.FileType;
import com.renovation.media.storage.inspection.Inspection;
import com.renovation.media.storage.inspection.UploadInspector;
import com.renovation.media.storage.inspection.UploadPolicy;
import com.renovation.media.storage.layout.StoragePaths;
import com.renovation.media.storage.s3.ObjectStore;
import com.renovation.media.storage.s3.PresignedUrls;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Runs the jobs of paid orders at the provider, one step per claim, so no worker waits on a running prediction:
 * <ol>
 * <li>claim (short transaction, {@link LockedBatches}): due jobs locked with SKIP LOCKED and leased; a queued job
 * starts its next attempt here (attempts + 1). A job left processing without a prediction id (its worker died
 * between the create and recording it) keeps its attempt, so its create is repeated under the same idempotency key
 * and finds the same prediction instead of starting a second run.</li>
 * <li>network work, outside any transaction: create the prediction (input.image a presigned GET URL of the
 * original) or read its status; when it succeeded, download the output from the provider's origin only, check it
 * by its bytes and store it at the output asset's incoming key.</li>
 * <li>the outcome, in one short transaction per job ({@link JobOutcomes}): running → polled again after
 * {@code platform.provider.poll-interval}; completed + order.output.ready; an attempt failed → retried after the
 * backoff or failed for good (a new attempt, a new key); a create or poll whose answer never arrived → the same
 * step after the backoff, in the same attempt and so under the same key; the order ended with its last job.</li>
 * </ol>
 * The worker is scheduled every {@code platform.jobs.interval} unless {@code platform.jobs.worker-enabled} is
 * false (tests run it themselves through {@link #runOnce()}).
 */
@ApplicationScoped
public class JobWorker {

    private static final Logger LOG = Logger.getLogger(JobWorker.class);
    private static final Set<FileType> OUTPUT_TYPES = Set.of(FileType.JPEG, FileType.PNG, FileType.WEBP);

    private final JobWorkRepository repository;
    private final JobOutcomes outcomes;
    private final ProviderClient provider;
    private final ObjectStore objects;
    private final PresignedUrls presigned;
    private final LockedBatches batches;
    private final Scheduler scheduler;
    private final JobsConfig config;
    private final ProviderConfig providerConfig;
    private final UploadPolicy outputPolicy;
    private final Steps steps = new Steps();

    public JobWorker(JobWorkRepository repository, JobOutcomes outcomes, ProviderClient provider,
            ObjectStore objects, PresignedUrls presigned, LockedBatches batches, Scheduler scheduler,
            JobsConfig config, ProviderConfig providerConfig) {
        this.repository = repository;
        this.outcomes = outcomes;
        this.provider = provider;
        this.objects = objects;
        this.presigned = presigned;
        this.batches = batches;
        this.scheduler = scheduler;
        this.config = config;
        this.providerConfig = providerConfig;
        this.outputPolicy = UploadPolicy.of(OUTPUT_TYPES, providerConfig.maxOutputBytes(),
                providerConfig.maxOutputPixels());
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.workerEnabled()) {
            return;
        }
        scheduler.newJob("processing jobs")
                .setInterval(config.interval().toString())
                .setDelayed(config.interval().toString())
                .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
                .setAsyncTask(execution -> runOnce().onFailure().invoke(e -> LOG.warnf(
                        "processing jobs failed, the next run tries again: %s", e.getMessage()))
                        .onFailure().recoverWithNull().replaceWithVoid())
                .schedule();
    }

    /** One run now: every due job one step further; answers how many steps were taken. */
    public Uni<Integer> runOnce() {
        return batches.run(steps, Instant.now());
    }

    /** The worker's claims and steps, as {@link LockedBatches} runs them (not a bean: scheduled above). */
    public LockedBatchJob<ClaimedJob> steps() {
        return steps;
    }

    final class Steps implements LockedBatchJob<ClaimedJob> {

        @Override
        public Schedule schedule() {
            return new Schedule("processing jobs", config.interval(), config.batchSize());
        }

        @Override
        public Uni<List<ClaimedJob>> claim(Instant now, int limit) {
            Instant at = now.truncatedTo(ChronoUnit.MICROS);
            Instant lease = at.plus(config.lease());
            return repository.lockDue(at, limit).chain(jobs -> Multi.createFrom().iterable(jobs).onItem()
                    .transformToUniAndConcatenate(job -> claimOne(job, at, lease)).collect().asList());
        }

        private Uni<ClaimedJob> claimOne(Job job, Instant now, Instant lease) {
            boolean deadlinePassed = job.deadlineAt != null && !now.isBefore(job.deadlineAt);
            if (!deadlinePassed && job.status == JobStatus.QUEUED) {
                job.attempts += 1;
                job.status = JobStatus.PROCESSING;
                job.externalId = null;
                if (job.startedAt == null) {
                    job.startedAt = now;
                }
            }
            job.leaseUntil = lease;
            job.updatedAt = now;
            return repository.item(job.itemId).chain(item -> repository.order(job.orderId).chain(order ->
                    repository.asset(item.assetId).map(asset -> new ClaimedJob(job.id, job.orderId, job.service,
                            job.attempts, job.externalId, item.options == null ? Map.of() : item.options,
                            deadlinePassed, lease, asset == null ? null : new ClaimedJob.Source(asset.bucket,
                                    asset.storagePath, asset.sessionId, asset.roomId),
                            order.ownerId, item.assetId, job.outputAssetId))));
        }

        @Override
        public Uni<List<ClaimedJob>> work(List<ClaimedJob> claimed) {
            // one job after the other: its step at the provider, then its outcome in its own transaction (a batch
            // of platform.jobs.batch-size steps, each at most two requests, stays well within the lease)
            return Multi.createFrom().iterable(claimed).onItem()
                    .transformToUniAndConcatenate(job -> step(job).chain(outcome -> record(new Step(job, outcome))))
                    .collect().asList().replaceWith(claimed);
        }
    }

    private record Step(ClaimedJob job, JobOutcome outcome) {
    }

    /** One step of one job at the provider; every failure becomes a failed outcome, never an error. */
    Uni<JobOutcome> step(ClaimedJob job) {
        if (job.deadlinePassed()) {
            return provider.cancelQuietly(job.externalId()).replaceWith(new JobOutcome.Failed(
                    JobErrorCode.DEADLINE_EXCEEDED, "the job was not done by its deadline", false, null));
        }
        if (job.source() == null) {
            return Uni.createFrom().item(new JobOutcome.Failed(JobErrorCode.SOURCE_MISSING,
                    "the original asset is no longer known", false, null));
        }
        boolean creating = job.externalId() == null;
        Uni<Prediction> prediction = creating ? create(job) : provider.get(job.externalId());
        return prediction.onItemOrFailure().transformToUni((p, failure) -> {
            if (failure != null) {
                return Uni.createFrom().item(callFailed(job, failure));
            }
            return found(job, p);
        }).onFailure(ProviderFailure.class).recoverWithItem(e -> {
            ProviderFailure failure = (ProviderFailure) e;
            return new JobOutcome.Failed(failure.code(), failure.getMessage(), failure.retryable(), job.externalId());
        }).onFailure().recoverWithItem(e -> {
            LOG.warnf(e, "job %s: step failed", job.jobId());
            return new JobOutcome.Failed(JobErrorCode.PROVIDER_ERROR, String.valueOf(e.getMessage()), true,
                    job.externalId());
        });
    }

    /**
     * The create or poll itself failed. Without an answer the provider may still have created the prediction (or
     * be running it): the step is repeated under the same key, spending no attempt. A provider that cannot be
     * reached at all is an outage, not a verdict on the job: the step is repeated too (a create that never
     * connected made nothing, and its key is as good as a new one), until the provider is back or the job's
     * deadline passes. Only an answered failure (a 4xx or 5xx, a body that is no prediction) fails the attempt.
     */
    private JobOutcome callFailed(ClaimedJob job, Throwable e) {
        if (!(e instanceof ProviderFailure failure)) {
            LOG.warnf(e, "job %s: provider call failed", job.jobId());
            return new JobOutcome.Failed(JobErrorCode.PROVIDER_ERROR, String.valueOf(e.getMessage()), true,
                    job.externalId());
        }
        boolean repeat = failure.outcomeUnknown() || failure.code() == JobErrorCode.PROVIDER_UNREACHABLE;
        if (repeat) {
            return new JobOutcome.Unanswered(failure.code(), failure.getMessage(), job.externalId());
        }
        return new JobOutcome.Failed(failure.code(), failure.getMessage(), failure.retryable(), job.externalId());
    }

    /** What the prediction's state means for the job: running, failed, or succeeded and its output stored. */
    private Uni<JobOutcome> found(ClaimedJob job, Prediction p) {
        if (!p.status().terminal()) {
            return Uni.createFrom().item(new JobOutcome.Running(p.id()));
        }
        if (p.status() != PredictionStatus.SUCCEEDED) {
            return Uni.createFrom().item(new JobOutcome.Failed(JobErrorCode.PREDICTION_FAILED,
                    "the prediction ended " + p.status().value() + (p.error() == null ? ""
                            : ": " + ProviderClient.abbreviate(p.error())), true, p.id()));
        }
        if (p.output() == null) {
            return Uni.createFrom().item(new JobOutcome.Failed(JobErrorCode.OUTPUT_INVALID,
                    "the prediction succeeded without an output", true, p.id()));
        }
        return store(job, p);
    }

    private Uni<Prediction> create(ClaimedJob job) {
        Map<String, Object> input = new HashMap<>(job.options());
        input.put("image", presigned.download(job.source().bucket(), job.source().storagePath(), null,
                providerConfig.inputUrlTtl()).url());
        return provider.create(new PredictionRequest(job.service().value(), input, null), job.idempotencyKey());
    }

    /** Downloads the output, checks it by its bytes and stores it where the output asset's bytes belong. */
    private Uni<JobOutcome> store(ClaimedJob job, Prediction p) {
        return provider.download(p.output()).chain(bytes -> {
            Inspection verdict = UploadInspector.inspect(bytes, outputPolicy);
            if (verdict instanceof Inspection.Refused refused) {
                return Uni.createFrom().item((JobOutcome) new JobOutcome.Failed(JobErrorCode.OUTPUT_INVALID,
                        "the output was refused: " + refused.reason(), true, p.id()));
            }
            Inspection.Accepted accepted = (Inspection.Accepted) verdict;
            String key = StoragePaths.incomingKey(job.source().sessionId(), job.source().roomId(),
                    job.outputAssetId());
            String contentType = accepted.type().contentType();
            return objects.put(job.source().bucket(), key, bytes, contentType).replaceWith(
                    (JobOutcome) new JobOutcome.Completed(p.id(), p.output(), job.source().bucket(), key,
                            contentType, bytes.length, accepted.sha256()));
        });
    }

    /** Writes the outcome; a job found cancelled meanwhile gets its prediction cancelled and its output removed. */
    private Uni<JobOutcomes.Written> record(Step step) {
        return outcomes.write(step.job(), step.outcome()).call(written -> {
            if (written != JobOutcomes.Written.JOB_ENDED_MEANWHILE) {
                return Uni.createFrom().voidItem();
            }
            return switch (step.outcome()) {
                case JobOutcome.Running running -> provider.cancelQuietly(running.externalId());
                case JobOutcome.Completed done -> objects.delete(done.bucket(), done.storagePath())
                        .onFailure().recoverWithNull();
                case JobOutcome.Failed failed -> Uni.createFrom().voidItem();
                case JobOutcome.Unanswered unanswered -> Uni.createFrom().voidItem();
            };
        });
    }
}
