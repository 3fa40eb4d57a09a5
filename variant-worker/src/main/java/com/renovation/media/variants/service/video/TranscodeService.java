package com.renovation.media.variants.service.video;

import com.renovation.media.contracts.events.payload.VariantFailed;
import com.renovation.media.contracts.events.payload.VariantReady;
import com.renovation.media.contracts.events.payload.VideoProgress;
import com.renovation.media.contracts.variants.VariantStatus;
import com.renovation.media.contracts.videos.VideoOutputs;
import com.renovation.media.messaging.outbox.Outbox;
import com.renovation.media.storage.layout.StoragePaths;
import com.renovation.media.storage.s3.ObjectStore;
import com.renovation.media.variants.config.VideoConfig;
import com.renovation.media.variants.repository.TranscodeJobRepository;
import com.renovation.media.variants.repository.Variant;
import com.renovation.media.variants.repository.VariantRepository;
import com.renovation.media.variants.service.SourceImage;
import com.renovation.media.variants.service.VariantService;
import com.renovation.media.variants.video.MediaToolException;
import com.renovation.media.variants.video.VideoTools;
import com.renovation.media.variants.video.VideoWorkspace;
import com.renovation.media.variants.video.WebCopy;
import com.renovation.media.variants.video.WebSize;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * The web MP4 of one claimed job, on a transcode slot's own thread (it blocks): the original copied from S3 to a
 * folder of its own, ffmpeg, the MP4 stored beside the posters, then one short transaction records the variant,
 * its {@code variant.ready} and the job done. Each step outside a transaction; every change to the job names the
 * run's claim, so a worker whose lease ran out records nothing. Progress goes out in steps of at least
 * {@value TranscodeRun#PROGRESS_STEP} points, each in a short transaction of its own that also renews the lease
 * and looks for a delete (which stops ffmpeg at once). A failed attempt hands the job back; the last one fails the
 * web variant ({@code variant.failed} "web"/"mp4"), which fails the video.
 */
@ApplicationScoped
public class TranscodeService {

    private static final Logger LOG = Logger.getLogger(TranscodeService.class);

    /** Where a claimed job stands when a run looks. */
    enum Standing {
        HELD, TAKEN_OVER, DELETED
    }

    private final TranscodeJobRepository jobs;
    private final VariantRepository rows;
    private final VariantService variants;
    private final ObjectStore objects;
    private final WebVideoUpload upload;
    private final Outbox outbox;
    private final Transcoder transcoder;
    private final VideoSetup setup;
    private final VideoConfig config;
    private final MeterRegistry registry;

    public TranscodeService(TranscodeJobRepository jobs, VariantRepository rows, VariantService variants,
            ObjectStore objects, WebVideoUpload upload, Outbox outbox, Transcoder transcoder, VideoSetup setup,
            VideoConfig config, MeterRegistry registry) {
        this.jobs = jobs;
        this.rows = rows;
        this.variants = variants;
        this.objects = objects;
        this.upload = upload;
        this.outbox = outbox;
        this.transcoder = transcoder;
        this.setup = setup;
        this.config = config;
        this.registry = registry;
    }

    /** Claims the oldest due job under a new claim and lease; null when none is due. Blocks. */
    public TranscodeRun claimNext() {
        UUID claim = UUID.randomUUID();
        return await(() -> Panache.withTransaction(() -> jobs.claimNext(claim, config.lease())
                .chain(id -> id == null ? Uni.createFrom().nullItem() : jobs.findById(id))
                .map(job -> job == null ? null : new TranscodeRun(job, claim))));
    }

    /** Works on a claimed job to its end: made, handed back, failed or dropped. Blocks; never throws. */
    public void run(TranscodeRun run) {
        long begin = System.nanoTime();
        String outcome;
        try {
            outcome = attempt(run);
        } catch (RuntimeException e) {
            LOG.warnf(e, "%s failed", run);
            outcome = "error";
        }
        registry.timer("videos.transcode", "outcome", outcome).record(System.nanoTime() - begin, TimeUnit.NANOSECONDS);
    }

    private String attempt(TranscodeRun run) {
        if (run.stopped() == TranscodeRun.Stop.SHUTDOWN) {
            return handBack(run);
        }
        if (run.job().attempts > config.attempts()) {
            // the earlier attempts' workers died on the way (each claim counted one): not again
            return fail(run, "the web copy was not made in " + config.attempts() + " attempts"
                    + (run.job().lastError == null ? "" : " (last: " + run.job().lastError + ")"));
        }
        try (VideoWorkspace workspace = VideoWorkspace.open(setup.workFolder(), "transcode")) {
            return transcode(run, workspace);
        } catch (MediaToolException e) {
            if (e.aborted() && run.stopped() != null) {
                return stopped(run);
            }
            LOG.infof("%s: %s", run, e.reason());
            return failedAttempt(run, e.reason());
        } catch (RuntimeException e) {
            LOG.warnf(e, "%s failed", run);
            return failedAttempt(run, "the web copy could not be made: " + describe(e));
        }
    }

    private String transcode(TranscodeRun run, VideoWorkspace workspace) {
        SourceImage source = run.source();
        if (!stillHeld(run, OptionalInt.empty())) {
            return stopped(run);
        }
        InputStream original;
        try {
            original = objects.openBlocking(source.bucket(), source.path());
        } catch (RuntimeException e) {
            if (ObjectStore.isNotFound(e)) {
                // its delete is on the way (the tombstone comes first, so it may not be here yet): try again later
                return failedAttempt(run, "the original is gone");
            }
            throw e;
        }
        Path file = workspace.copy(original, "source", setup.maxSourceBytes());
        WebCopy copy = run.copy();
        Path output = workspace.file("web.mp4");
        transcoder.transcode(source, file, copy, output, percent -> progressed(run, percent), run.abort());
        if (!stillHeld(run, OptionalInt.empty())) {
            return stopped(run);
        }
        long size = size(output);
        WebSize made = copy.size();
        String key = StoragePaths.variantKey(source.path(), VideoOutputs.WEB_VARIANT, made.width(), made.height(),
                VideoOutputs.WEB_FORMAT);
        upload.put(source.bucket(), key, output, size);
        Standing finished = await(() -> Panache.withTransaction(() -> finish(run, key, size)));
        return switch (finished) {
            case HELD -> "made";
            case TAKEN_OVER -> "taken-over";
            case DELETED -> dropDeleted(run);
        };
    }

    /** On ffmpeg's reader thread: a step worth announcing, or a lease due for renewal, is one short transaction. */
    private void progressed(TranscodeRun run, int percent) {
        OptionalInt announce = run.steps().next(percent);
        if (announce.isEmpty() && run.nanosSinceRenewal() < config.lease().toNanos() / 4) {
            return;
        }
        try {
            stillHeld(run, announce);
        } catch (RuntimeException e) {
            // ffmpeg goes on; the lease is renewed at the next step, and the finish looks at the job again
            LOG.warnf("%s: progress not recorded: %s", run, e.getMessage());
        }
    }

    /**
     * Renews the lease unless the video was deleted or the job taken over (which stops the run), announcing
     * {@code percent} if given; answers whether the run may go on.
     */
    private boolean stillHeld(TranscodeRun run, OptionalInt percent) {
        SourceImage source = run.source();
        Standing standing = await(() -> Panache.withTransaction(() -> rows.isDeleted(source.id(), source.sessionId())
                .chain(deleted -> deleted ? Uni.createFrom().item(Standing.DELETED)
                        : jobs.renew(source.id(), run.claim(), config.lease()).chain(held -> {
                            if (!held) {
                                return Uni.createFrom().item(Standing.TAKEN_OVER);
                            }
                            return percent.isEmpty() ? Uni.createFrom().item(Standing.HELD)
                                    : outbox.add(new VideoProgress(source.id(), percent.getAsInt()))
                                            .replaceWith(Standing.HELD);
                        }))));
        switch (standing) {
            case HELD -> run.renewed();
            case DELETED -> run.stop(TranscodeRun.Stop.DELETED);
            case TAKEN_OVER -> run.stop(TranscodeRun.Stop.TAKEN_OVER);
        }
        return standing == Standing.HELD;
    }

    /**
     * In a transaction, holding the source's erasure lock: a delete that committed meanwhile wins (the job goes,
     * the caller removes the MP4); a run whose claim was taken over records nothing; else the web variant's row,
     * the last progress, its {@code variant.ready} and the job done.
     */
    private Uni<Standing> finish(TranscodeRun run, String key, long size) {
        SourceImage source = run.source();
        WebSize made = run.copy().size();
        return rows.lockForErasure(source.id(), source.sessionId())
                .chain(() -> rows.isDeleted(source.id(), source.sessionId()))
                .chain(deleted -> {
                    if (deleted) {
                        return jobs.forgetSource(source.id()).replaceWith(Standing.DELETED);
                    }
                    return jobs.complete(source.id(), run.claim()).chain(held -> {
                        if (!held) {
                            return Uni.createFrom().item(Standing.TAKEN_OVER);
                        }
                        return variants.rowOf(source, VideoOutputs.WEB_VARIANT, VideoOutputs.WEB_FORMAT).chain(row -> {
                            row.storagePath = key;
                            row.contentType = VideoOutputs.WEB_CONTENT_TYPE;
                            row.fileSize = size;
                            row.width = made.width();
                            row.height = made.height();
                            row.quality = null;
                            row.processingStatus = VariantStatus.READY;
                            row.processingError = null;
                            row.processingConfig = settings(run.copy());
                            return recorded(row, run);
                        }).chain(() -> outbox.add(new VideoProgress(source.id(), 100)))
                                .chain(() -> outbox.add(new VariantReady(source.kind(), source.id(),
                                        VideoOutputs.WEB_VARIANT, VideoOutputs.WEB_FORMAT, made.width(), made.height(),
                                        size, source.bucket(), key, VideoOutputs.WEB_CONTENT_TYPE,
                                        run.job().expectedVariants)))
                                .replaceWith(Standing.HELD);
                    });
                });
    }

    private Uni<Variant> recorded(Variant row, TranscodeRun run) {
        row.processedAt = Instant.now();
        row.attempts = run.job().attempts;
        row.updatedAt = row.processedAt;
        return rows.persist(row);
    }

    /** What the web MP4 was made with. */
    private Map<String, Object> settings(WebCopy copy) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("maxLines", WebSize.MAX_LINES);
        settings.put("videoCodec", "h264");
        settings.put("x264Preset", config.x264Preset());
        settings.put("crf", VideoTools.CRF);
        settings.put("audioCodec", copy.hasAudio() ? "aac" : null);
        settings.put("format", VideoOutputs.WEB_FORMAT);
        return settings;
    }

    /** A run stopped from outside (or found stopped between its steps). */
    private String stopped(TranscodeRun run) {
        TranscodeRun.Stop why = run.stopped();
        if (why == null) {
            return failedAttempt(run, "the transcode was stopped");
        }
        return switch (why) {
            case DELETED -> dropDeleted(run);
            case TAKEN_OVER -> {
                LOG.infof("%s: the lease ran out and another worker holds the job", run);
                yield "taken-over";
            }
            case SHUTDOWN -> handBack(run);
        };
    }

    /** A deleted video's job goes, and whatever this or an earlier run uploaded of it. */
    private String dropDeleted(TranscodeRun run) {
        SourceImage source = run.source();
        LOG.infof("%s was deleted while its web copy was made: nothing is kept", source);
        await(() -> Panache.withTransaction(() -> jobs.forgetSource(source.id())));
        variants.removeLeftovers(source).await().atMost(java.time.Duration.ofMinutes(1));
        return "deleted";
    }

    /** Back to the queue without counting the attempt: this replica is stopping. */
    private String handBack(TranscodeRun run) {
        await(() -> Panache.withTransaction(() -> jobs.handBack(run.job().sourceId, run.claim())));
        return "handed-back";
    }

    /** Back to the queue for another attempt, or, after the last one, the web variant fails. */
    private String failedAttempt(TranscodeRun run, String reason) {
        if (run.job().attempts < config.attempts()) {
            boolean held = await(() -> Panache.withTransaction(() -> jobs.release(run.job().sourceId, run.claim(),
                    reason)));
            return held ? "retried" : "taken-over";
        }
        return fail(run, reason);
    }

    /** The web variant fails for good: its row and {@code variant.failed}, unless the video was deleted. */
    private String fail(TranscodeRun run, String reason) {
        SourceImage source = run.source();
        Standing standing = await(() -> Panache.withTransaction(() -> rows.lockForErasure(source.id(), source.sessionId())
                .chain(() -> rows.isDeleted(source.id(), source.sessionId()))
                .chain(deleted -> {
                    if (deleted) {
                        return jobs.forgetSource(source.id()).replaceWith(Standing.DELETED);
                    }
                    return jobs.giveUp(source.id(), run.claim(), reason).chain(held -> {
                        if (!held) {
                            return Uni.createFrom().item(Standing.TAKEN_OVER);
                        }
                        return variants.rowOf(source, VideoOutputs.WEB_VARIANT, VideoOutputs.WEB_FORMAT).chain(row -> {
                            row.processingStatus = VariantStatus.FAILED;
                            row.processingError = reason;
                            return recorded(row, run);
                        }).chain(row -> outbox.add(new VariantFailed(source.kind(), source.id(), VideoOutputs.WEB_VARIANT,
                                VideoOutputs.WEB_FORMAT, reason, run.job().attempts))).replaceWith(Standing.HELD);
                    });
                })));
        return switch (standing) {
            case HELD -> {
                LOG.infof("%s: the web copy failed: %s", source, reason);
                registry.counter("videos.transcode.failed").increment();
                yield "failed";
            }
            case TAKEN_OVER -> "taken-over";
            case DELETED -> dropDeleted(run);
        };
    }

    private static long size(Path output) {
        try {
            return Files.size(output);
        } catch (IOException e) {
            throw new UncheckedIOException("ffmpeg wrote no web copy", e);
        }
    }

    private static String describe(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getMessage() == null) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        return message == null ? cause.getClass().getSimpleName() : message;
    }

    /** A reactive step run from a transcode thread, which waits for it. */
    static <T> T await(Supplier<Uni<T>> step) {
        try {
            return VertxContextSupport.subscribeAndAwait(step);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
