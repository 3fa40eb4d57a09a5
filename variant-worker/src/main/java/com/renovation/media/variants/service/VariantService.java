package com.renovation.media.variants.service;

import com.renovation.media.contracts.events.payload.VariantFailed;
import com.renovation.media.contracts.events.payload.VariantReady;
import com.renovation.media.contracts.variants.VariantStatus;
import com.renovation.media.messaging.outbox.Outbox;
import com.renovation.media.storage.layout.Buckets;
import com.renovation.media.storage.layout.StoragePaths;
import com.renovation.media.storage.s3.ObjectStore;
import com.renovation.media.variants.imaging.ImageRejectedException;
import com.renovation.media.variants.imaging.RenderedVariant;
import com.renovation.media.variants.imaging.VariantFormat;
import com.renovation.media.variants.repository.TranscodeJobRepository;
import com.renovation.media.variants.repository.Variant;
import com.renovation.media.variants.repository.VariantRepository;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Makes, stores and records the variants of one source image, and announces each; removes them again when
 * the source is deleted. Reading, rendering and object storage run outside any transaction; only the row
 * updates (with their outbox events) are transactional. Object keys are derived from the source, so an attempt
 * repeated after a crash overwrites rather than duplicates, and commits the rows the crashed one did not.
 */
@ApplicationScoped
public class VariantService {

    private static final Logger LOG = Logger.getLogger(VariantService.class);
    private static final String WHOLE_SET = "all";
    private static final String ANY_FORMAT = "any";
    private static final RenderOutcome SKIPPED = new RenderOutcome.Skipped();
    /** Sources at most waiting for their slower formats; each waiting one holds only its identity. */
    static final int MAX_LATER_WAITING = 256;
    /** What {@link #regenerate} answers for a video, whose variants are not an image's. */
    public static final int VIDEO_NOT_REGENERATED = -2;

    private final VariantRepository variants;
    private final ObjectStore objects;
    private final Outbox outbox;
    private final VariantPlan plan;
    private final VariantRenderer renderer;
    private final TranscodeJobRepository jobs;
    private final MeterRegistry registry;
    private final AtomicInteger laterWaiting = new AtomicInteger();

    public VariantService(VariantRepository variants, ObjectStore objects, Outbox outbox, VariantPlan plan,
            VariantRenderer renderer, TranscodeJobRepository jobs, MeterRegistry registry) {
        this.variants = variants;
        this.objects = objects;
        this.outbox = outbox;
        this.plan = plan;
        this.renderer = renderer;
        this.jobs = jobs;
        this.registry = registry;
        // at zero from the start, so rate() and the failure-rate alert see the first failure
        registry.counter("variants.failed");
    }

    /**
     * Reads the source, renders the variants that make it ready (the web formats) and uploads them; must not
     * run in a transaction. A source found deleted gets nothing, and loses any variant objects an earlier
     * attempt uploaded before it learnt so.
     */
    public Uni<RenderOutcome> render(SourceImage source) {
        return render(source, plan.webFormatsOf(source));
    }

    /**
     * After {@link #record} committed what {@link #render} made: starts making the slower formats (AVIF) in the
     * background, on a fresh Vert.x context derived from {@code origin}, so the consumer goes on with the next
     * event at once. Best effort and bounded: a failure is logged and counted, and with too many waiting the
     * source is skipped (counted; {@code POST /admin/variants/{id}/regenerate} makes them later).
     */
    public void renderLaterInBackground(RenderOutcome made, Context origin) {
        if (!(made instanceof RenderOutcome.Stored stored) || plan.laterFormatsOf(stored.source()).isEmpty()) {
            return;
        }
        if (laterWaiting.incrementAndGet() > MAX_LATER_WAITING) {
            laterWaiting.decrementAndGet();
            LOG.warnf("%s: %s variants skipped, %d sources are waiting for them", ((RenderOutcome.Stored) made).source(),
                    plan.laterFormats(), MAX_LATER_WAITING);
            registry.counter("variants.later.skipped").increment();
            return;
        }
        Runnable start = () -> renderLater(made).onTermination().invoke(laterWaiting::decrementAndGet)
                .subscribe().with(ignored -> { }, failure -> { });
        if (origin == null) {
            start.run();
        } else {
            // its own duplicated context, flagged safe for Hibernate Reactive: nothing shared with the consumer's
            Context context = VertxContext.createNewDuplicatedContext(origin);
            VertxContextSafetyToggle.setContextSafe(context, true);
            context.runOnContext(ignored -> start.run());
        }
    }

    /** The slower formats of a source made ready: rendered, uploaded and recorded as further variants. */
    Uni<Void> renderLater(RenderOutcome made) {
        SourceImage source = ((RenderOutcome.Stored) made).source();
        return render(source, plan.laterFormatsOf(source))
                .chain(later -> {
                    if (later instanceof RenderOutcome.Refused refused) {
                        // the web formats of the same source were made: this is the slower encoder failing
                        return Uni.createFrom().failure(new ImageRejectedException(refused.reason()));
                    }
                    return Panache.withTransaction(() -> record(later));
                })
                .onFailure().recoverWithItem(e -> {
                    if (!(e instanceof SourceDeletedMeanwhile)) {
                        LOG.warnf(e, "%s: %s variants not made", source, plan.laterFormats());
                        registry.counter("variants.later.failed").increment();
                    }
                    return null;
                });
    }

    private Uni<RenderOutcome> render(SourceImage source, List<VariantFormat> formats) {
        if (!source.hasVariants()) {
            return Uni.createFrom().item(SKIPPED);
        }
        return Panache.withSession(() -> variants.isDeleted(source.id(), source.sessionId())).chain(deleted -> {
            if (deleted) {
                LOG.debugf("%s was deleted: no variants", source);
                return removeLeftovers(source).replaceWith(SKIPPED);
            }
            // the size was bounded when the upload was confirmed, and only this platform writes the key since
            long reading = System.nanoTime();
            return objects.readIfPresent(source.bucket(), source.path()).invoke(() -> stage("read", reading)).chain(bytes -> {
                if (bytes.isEmpty()) {
                    LOG.infof("%s has no object any more: no variants", source);
                    return Uni.createFrom().item(SKIPPED);
                }
                return renderAndStore(source, bytes.get(), formats);
            });
        });
    }

    /**
     * The poster variants of a video, made from one of its frames (an image the video worker extracted) as an
     * uploaded image's are: the web formats of every preset, uploaded under the video's own variant keys; must not
     * run in a transaction. {@link #record} then commits them like any source's.
     */
    public Uni<RenderOutcome> renderFrame(SourceImage video, byte[] frame) {
        return renderAndStore(video, frame, plan.webFormatsOf(video));
    }

    private Uni<RenderOutcome> renderAndStore(SourceImage source, byte[] image, List<VariantFormat> formats) {
        return renderer.render(source, image, formats)
                .chain(rendered -> upload(source, rendered)
                        .replaceWith((RenderOutcome) new RenderOutcome.Stored(source, rendered)))
                .onFailure(ImageRejectedException.class)
                .recoverWithItem(e -> new RenderOutcome.Refused(source, ((ImageRejectedException) e).reason()));
    }

    /**
     * Records what {@link #render} came to; must run in a transaction. Holding the source's erasure lock, it
     * looks at the tombstones again: a delete that committed while the render ran wins ({@link
     * SourceDeletedMeanwhile} rolls this back), and a delete that comes later waits for the lock and then finds
     * the rows and objects to remove.
     */
    public Uni<Void> record(RenderOutcome outcome) {
        if (outcome instanceof RenderOutcome.Refused refused) {
            return unlessDeleted(refused.source(), () -> refuse(refused.source(), refused.reason()));
        }
        if (outcome instanceof RenderOutcome.Stored stored) {
            // the source's rows read once, not once per variant: the recording transaction stays short
            return unlessDeleted(stored.source(), () -> variants.ofSource(stored.source().id()).chain(rows -> {
                Uni<Void> recorded = Uni.createFrom().voidItem();
                for (RenderedVariant variant : stored.variants()) {
                    recorded = recorded.chain(() -> recordReady(stored.source(), variant,
                            plan.expectedVariants(stored.source()), rows));
                }
                return recorded;
            }));
        }
        return Uni.createFrom().voidItem();
    }

    private Uni<Void> unlessDeleted(SourceImage source, Supplier<Uni<Void>> recording) {
        return variants.lockForErasure(source.id(), source.sessionId())
                .chain(() -> variants.isDeleted(source.id(), source.sessionId()))
                .chain(deleted -> {
                    if (deleted) {
                        LOG.infof("%s was deleted while its variants were made: nothing is recorded", source);
                        return Uni.createFrom().failure(new SourceDeletedMeanwhile(source));
                    }
                    return recording.get();
                });
    }

    private Uni<Void> upload(SourceImage source, List<RenderedVariant> rendered) {
        List<Uni<Void>> puts = new ArrayList<>();
        for (RenderedVariant variant : rendered) {
            puts.add(objects.putVariant(source.bucket(), keyOf(source, variant), variant.bytes(),
                    variant.contentType()));
        }
        if (puts.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        long storing = System.nanoTime();
        return Uni.join().all(puts).andFailFast().invoke(() -> stage("store", storing)).replaceWithVoid();
    }

    /** Time of a step around the render (the render itself is variants.render): where a source's time goes. */
    private void stage(String name, long begin) {
        registry.timer("variants.stage", "stage", name).record(System.nanoTime() - begin, TimeUnit.NANOSECONDS);
    }

    /** Variant objects of a deleted source that an attempt overtaken by the delete uploaded. */
    public Uni<Void> removeLeftovers(SourceImage source) {
        return objects.list(source.bucket(), StoragePaths.variantNamePrefix(source.path()))
                .chain(keys -> objects.deleteAll(source.bucket(), keys));
    }

    private static String keyOf(SourceImage source, RenderedVariant variant) {
        return StoragePaths.variantKey(source.path(), variant.preset().name(), variant.width(), variant.height(),
                variant.format().extension());
    }

    private Uni<Void> recordReady(SourceImage source, RenderedVariant made, int expected, List<Variant> rows) {
        String type = made.preset().name();
        String format = made.format().name().toLowerCase(Locale.ROOT);
        Variant row = rows.stream().filter(r -> r.sourceKind == source.kind() && type.equals(r.variantType)
                && format.equals(r.format)).findFirst().orElseGet(() -> newRow(source, type, format));
        row.storagePath = keyOf(source, made);
        row.contentType = made.contentType();
        row.fileSize = (long) made.bytes().length;
        row.width = made.width();
        row.height = made.height();
        row.quality = made.quality();
        row.processingStatus = VariantStatus.READY;
        row.processingError = null;
        row.processingConfig = settings(made, format);
        row.processedAt = Instant.now();
        row.attempts++;
        row.updatedAt = row.processedAt;
        registry.counter("variants.made", "type", type, "format", format).increment();
        return variants.persist(row).chain(() -> outbox.add(new VariantReady(source.kind(), source.id(), type, format,
                row.width, row.height, row.fileSize, source.bucket(), row.storagePath, row.contentType, expected)))
                .replaceWithVoid();
    }

    /** What the variant was made with; quality only where the encoder has a quality scale. */
    private static Map<String, Object> settings(RenderedVariant made, String format) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("maxWidth", made.preset().maxWidth());
        settings.put("maxHeight", made.preset().maxHeight());
        if (made.quality() != null) {
            settings.put("quality", made.quality());
        }
        settings.put("format", format);
        return settings;
    }

    /** The source can never have variants: one failed row for the whole set, and variant.failed with why. */
    private Uni<Void> refuse(SourceImage source, String reason) {
        LOG.infof("%s refused: %s", source, reason);
        registry.counter("variants.failed").increment();
        return rowOf(source, WHOLE_SET, ANY_FORMAT).chain(row -> {
            row.processingStatus = VariantStatus.FAILED;
            row.processingError = reason;
            row.processedAt = Instant.now();
            row.attempts++;
            row.updatedAt = row.processedAt;
            return variants.persist(row);
        }).chain(row -> outbox.add(new VariantFailed(source.kind(), source.id(), WHOLE_SET, null, reason,
                row.attempts))).replaceWithVoid();
    }

    /** The source's row of this variant type and format, or a new one (not persisted yet); in a session. */
    public Uni<Variant> rowOf(SourceImage source, String variantType, String format) {
        return variants.findOne(source.kind(), source.id(), variantType, format)
                .map(found -> found != null ? found : newRow(source, variantType, format));
    }

    private static Variant newRow(SourceImage source, String variantType, String format) {
        Variant row = new Variant();
        row.id = UUID.randomUUID();
        row.sourceKind = source.kind();
        row.sourceId = source.id();
        row.sessionId = source.sessionId();
        row.sourceBucket = source.bucket();
        row.sourcePath = source.path();
        row.sourceType = source.contentType();
        row.variantType = variantType;
        row.format = format;
        row.createdAt = Instant.now();
        return row;
    }

    /**
     * First step of removing a source, outside the caller's transaction: remembers it as deleted (committed at
     * once, so a render in flight stores nothing and a late confirm makes nothing), then deletes its variant
     * objects. {@code originalPath} (when known) also catches objects whose row never committed. Safe to repeat;
     * {@link #forgetSource} then removes the rows.
     */
    public Uni<Void> removeSourceObjects(UUID sourceId, String bucket, String originalPath) {
        return Panache.withTransaction(() -> variants.lockForErasure(sourceId, null)
                .chain(() -> variants.tombstone(sourceId))
                .chain(() -> variants.ofSource(sourceId))).chain(rows -> {
                    List<String> keys = new ArrayList<>(rows.stream().map(r -> r.storagePath)
                            .filter(Objects::nonNull).toList());
                    // the bucket the variants were written to, as recorded; the event's only when nothing was recorded
                    String target = rows.isEmpty() ? bucket : rows.get(0).sourceBucket;
                    Uni<List<String>> strays = originalPath == null ? Uni.createFrom().item(List.of())
                            : objects.list(target, StoragePaths.variantNamePrefix(originalPath));
                    return strays.chain(found -> {
                        found.stream().filter(k -> !keys.contains(k)).forEach(keys::add);
                        return objects.deleteAll(target, keys);
                    });
                });
    }

    /** Last step of removing a source, in the caller's transaction: its rows go. */
    public Uni<Void> forgetSource(UUID sourceId) {
        return variants.delete("sourceId", sourceId).chain(() -> jobs.forgetSource(sourceId));
    }

    /**
     * Makes a source's variants anew (e.g. after the presets changed). The new set is uploaded first, then its
     * rows replace the old ones in one transaction, and only then are old objects the new set did not
     * overwrite deleted: a failure on the way leaves the old set served, never rows without objects.
     *
     * @return how many variants the source gets, -1 when there is no such source (or it was deleted), or
     *         {@link #VIDEO_NOT_REGENERATED} for a video
     */
    public Uni<Integer> regenerate(UUID sourceId) {
        return Panache.withSession(() -> variants.ofSource(sourceId)).chain(rows -> {
            if (rows.isEmpty()) {
                return Uni.createFrom().item(-1);
            }
            SourceImage source = SourceImage.of(rows.get(0));
            if (source.isVideo()) {
                // its posters come from a frame of the video and its web MP4 from a transcode: not an image's render
                return Uni.createFrom().item(VIDEO_NOT_REGENERATED);
            }
            List<String> oldKeys = rows.stream().map(r -> r.storagePath).filter(Objects::nonNull).toList();
            return render(source, plan.allFormats()).chain(outcome -> Panache.withTransaction(() -> variants.delete("sourceId", sourceId)
                            .chain(() -> record(outcome)))
                    .chain(() -> objects.deleteAll(source.bucket(), oldKeys.stream()
                            .filter(k -> !newKeys(outcome).contains(k)).toList()))
                    .replaceWith(plan.presets().size() * plan.allFormats().size())
                    .onFailure(SourceDeletedMeanwhile.class)
                    .recoverWithUni(() -> removeLeftovers(source).replaceWith(-1)));
        });
    }

    private static List<String> newKeys(RenderOutcome outcome) {
        return outcome instanceof RenderOutcome.Stored stored
                ? stored.variants().stream().map(v -> keyOf(stored.source(), v)).toList() : List.of();
    }

    /**
     * First step of erasing a session (GDPR), outside the caller's transaction: remembers the session as
     * deleted (committed at once, so a render still in flight stores nothing), then deletes every object under
     * its prefix. Safe to repeat; {@link #forgetSession} then removes the rows.
     */
    public Uni<Void> removeSessionObjects(UUID sessionId) {
        return Panache.withTransaction(() -> variants.lockForErasure(null, sessionId)
                        .chain(() -> variants.tombstoneSession(sessionId)))
                .chain(() -> objects.deletePrefix(Buckets.USER_UPLOADS, StoragePaths.sessionPrefix(sessionId)))
                .replaceWithVoid();
    }

    /** Last step of erasing a session, in the caller's transaction: its sources are remembered as deleted, rows go. */
    public Uni<Void> forgetSession(UUID sessionId) {
        return variants.ofSession(sessionId)
                .chain(rows -> {
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (UUID source : rows.stream().map(r -> r.sourceId).distinct().toList()) {
                        chain = chain.chain(() -> variants.tombstone(source).replaceWithVoid());
                    }
                    return chain;
                })
                .chain(() -> variants.delete("sessionId", sessionId))
                .chain(() -> jobs.forgetSession(sessionId));
    }
}
