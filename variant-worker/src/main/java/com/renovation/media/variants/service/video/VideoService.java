package com.renovation.media.variants.service.video;

import com.renovation.media.contracts.events.payload.VideoProbed;
import com.renovation.media.messaging.outbox.Outbox;
import com.renovation.media.storage.s3.ObjectStore;
import com.renovation.media.variants.config.VariantConfig;
import com.renovation.media.variants.imaging.ImagingThreads;
import com.renovation.media.variants.repository.TranscodeJob;
import com.renovation.media.variants.repository.TranscodeJobRepository;
import com.renovation.media.variants.repository.VariantRepository;
import com.renovation.media.variants.service.RenderOutcome;
import com.renovation.media.variants.service.SourceImage;
import com.renovation.media.variants.service.VariantPlan;
import com.renovation.media.variants.service.VariantService;
import com.renovation.media.variants.video.AcceptedVideo;
import com.renovation.media.variants.video.VideoContainer;
import com.renovation.media.variants.video.VideoRejectedException;
import com.renovation.media.variants.video.VideoWorkspace;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * A confirmed video, up to its transcode job: the original is copied from S3 to a folder of its own (streamed,
 * never whole in memory), probed by ffprobe and checked ({@link com.renovation.media.variants.video.VideoLimits}),
 * and one frame becomes its posters through the image pipeline. One transaction then records the posters (their
 * {@code variant.ready} counts the web MP4 still to come), {@code video.probed} and the durable transcode job,
 * which the {@link TranscodePool} takes up. A refused video gets {@code variant.failed} "all" and nothing stored.
 */
@ApplicationScoped
public class VideoService {

    private static final Logger LOG = Logger.getLogger(VideoService.class);
    private static final VideoOutcome SKIPPED = new VideoOutcome.Skipped();

    private final VariantService variants;
    private final VariantRepository rows;
    private final TranscodeJobRepository jobs;
    private final ObjectStore objects;
    private final Outbox outbox;
    private final VariantPlan plan;
    private final VideoSetup setup;
    private final MeterRegistry registry;
    /** Probes and poster frames: blocking process work, as many at once as confirms are consumed at once. */
    private final ExecutorService inspecting;

    public VideoService(VariantService variants, VariantRepository rows, TranscodeJobRepository jobs,
            ObjectStore objects, Outbox outbox, VariantPlan plan, VideoSetup setup, VariantConfig variantConfig,
            MeterRegistry registry) {
        this.variants = variants;
        this.rows = rows;
        this.jobs = jobs;
        this.objects = objects;
        this.outbox = outbox;
        this.plan = plan;
        this.setup = setup;
        this.registry = registry;
        this.inspecting = Executors.newFixedThreadPool(variantConfig.concurrency(), ImagingThreads.named("video-probe"));
    }

    @PreDestroy
    void stop() {
        inspecting.shutdownNow();
    }

    /**
     * Probes the video and makes its posters; must not run in a transaction. A video found deleted gets nothing,
     * and loses any variant objects an earlier attempt uploaded before it learnt so.
     */
    public Uni<VideoOutcome> prepare(SourceImage video) {
        VideoContainer container = VideoContainer.of(video.contentType())
                .orElseThrow(() -> new IllegalArgumentException(video + " is not a video"));
        return Panache.withSession(() -> rows.isDeleted(video.id(), video.sessionId())).chain(deleted -> {
            if (deleted) {
                LOG.debugf("%s was deleted: no variants", video);
                return variants.removeLeftovers(video).replaceWith(SKIPPED);
            }
            return blocking(() -> inspect(video, container)).chain(inspected -> switch (inspected) {
                case Inspection.Missing missing -> {
                    LOG.infof("%s has no object any more: no variants", video);
                    yield Uni.createFrom().item(SKIPPED);
                }
                case Inspection.Rejected rejected ->
                        Uni.createFrom().item((VideoOutcome) new VideoOutcome.Refused(video, rejected.reason()));
                case Inspection.Probed probed -> variants.renderFrame(video, probed.poster()).map(posters -> switch (posters) {
                    case RenderOutcome.Stored stored -> (VideoOutcome) new VideoOutcome.Accepted(stored, probed.video());
                    case RenderOutcome.Refused refused ->
                            new VideoOutcome.Refused(video, "its poster frame could not be made: " + refused.reason());
                    case RenderOutcome.Skipped skipped -> SKIPPED;
                });
            });
        });
    }

    /** On a probe thread: the copy, the probe, the checks and the frame; the folder is removed whatever happens. */
    private Inspection inspect(SourceImage video, VideoContainer container) {
        long begin = System.nanoTime();
        try (VideoWorkspace workspace = VideoWorkspace.open(setup.workFolder(), "probe")) {
            InputStream original;
            try {
                original = objects.openBlocking(video.bucket(), video.path());
            } catch (RuntimeException e) {
                if (ObjectStore.isNotFound(e)) {
                    return new Inspection.Missing();
                }
                throw e;
            }
            Path file = workspace.copy(original, "source", setup.maxSourceBytes());
            AcceptedVideo accepted = setup.limits().check(container, setup.tools().probe(file, container));
            byte[] poster = setup.tools().poster(file, container, accepted);
            return new Inspection.Probed(accepted, poster);
        } catch (VideoRejectedException e) {
            return new Inspection.Rejected(e.reason());
        } finally {
            registry.timer("videos.probe").record(System.nanoTime() - begin, java.util.concurrent.TimeUnit.NANOSECONDS);
        }
    }

    /**
     * Records what {@link #prepare} came to; must run in a transaction. A refusal is the image path's (one failed
     * row, {@code variant.failed} "all"); an accepted video's posters are recorded as a source's variants are
     * (the erasure lock and the delete check included), then {@code video.probed} and the transcode job follow.
     */
    public Uni<Void> record(VideoOutcome outcome) {
        return switch (outcome) {
            case VideoOutcome.Skipped skipped -> Uni.createFrom().voidItem();
            case VideoOutcome.Refused refused -> {
                registry.counter("videos.refused").increment();
                yield variants.record(new RenderOutcome.Refused(refused.source(), refused.reason()));
            }
            case VideoOutcome.Accepted accepted -> {
                SourceImage source = accepted.source();
                AcceptedVideo video = accepted.video();
                yield variants.record(accepted.posters())
                        .chain(() -> outbox.add(new VideoProbed(source.id(), Math.round(video.durationSeconds() * 1000) / 1000.0,
                                video.video().displayedWidth(), video.video().displayedHeight(), video.video().codec(),
                                video.hasAudio() ? video.audio().codec() : null)))
                        .chain(() -> jobs.enqueue(jobOf(source, video, plan.expectedVariants(source))));
            }
        };
    }

    private static TranscodeJob jobOf(SourceImage source, AcceptedVideo video, int expectedVariants) {
        TranscodeJob job = new TranscodeJob();
        job.sourceId = source.id();
        job.sourceKind = source.kind();
        job.sessionId = source.sessionId();
        job.sourceBucket = source.bucket();
        job.sourcePath = source.path();
        job.sourceType = source.contentType();
        job.durationSeconds = video.durationSeconds();
        job.videoStream = video.video().index();
        job.audioStream = video.hasAudio() ? video.audio().index() : null;
        job.width = video.video().displayedWidth();
        job.height = video.video().displayedHeight();
        job.expectedVariants = expectedVariants;
        job.status = TranscodeJob.Status.PENDING;
        job.createdAt = Instant.now();
        job.updatedAt = job.createdAt;
        return job;
    }

    /** Runs blocking work on a probe thread and completes back on the caller's Vert.x context. */
    private <T> Uni<T> blocking(Supplier<T> work) {
        Context context = Vertx.currentContext();
        return Uni.createFrom().completionStage(() -> CompletableFuture.supplyAsync(work, inspecting))
                .emitOn(task -> {
                    if (context == null) {
                        task.run();
                    } else {
                        context.runOnContext(ignored -> task.run());
                    }
                });
    }

    /** What the probe thread found. */
    private sealed interface Inspection {
        record Missing() implements Inspection {
        }

        record Rejected(String reason) implements Inspection {
        }

        record Probed(AcceptedVideo video, byte[] poster) implements Inspection {
        }
    }
}
