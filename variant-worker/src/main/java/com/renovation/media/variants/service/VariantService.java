package com.renovation.media.variants.service;

import com.renovation.media.contracts.events.payload.VariantFailed;
import com.renovation.media.contracts.events.payload.VariantReady;
import com.renovation.media.messaging.outbox.Outbox;
import com.renovation.media.storage.layout.Buckets;
import com.renovation.media.storage.layout.StoragePaths;
import com.renovation.media.storage.s3.ObjectStore;
import com.renovation.media.variants.imaging.ImageRejectedException;
import com.renovation.media.variants.imaging.RenderedVariant;
import com.renovation.media.variants.repository.Variant;
import com.renovation.media.variants.repository.VariantRepository;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Makes, stores and records the variants of one source image, and announces each; removes them again when
 * the source is deleted. Runs inside the caller's transaction: rows and outbox events commit together, and
 * object keys are derived from the source, so a redelivery overwrites rather than duplicates.
 */
@ApplicationScoped
public class VariantService {

    private static final Logger LOG = Logger.getLogger(VariantService.class);
    private static final String WHOLE_SET = "all";

    private final VariantRepository variants;
    private final ObjectStore objects;
    private final Outbox outbox;
    private final VariantPlan plan;
    private final VariantRenderer renderer;
    private final MeterRegistry registry;

    public VariantService(VariantRepository variants, ObjectStore objects, Outbox outbox, VariantPlan plan,
            VariantRenderer renderer, MeterRegistry registry) {
        this.variants = variants;
        this.objects = objects;
        this.outbox = outbox;
        this.plan = plan;
        this.renderer = renderer;
        this.registry = registry;
    }

    /** Must run in a transaction. */
    public Uni<Void> make(SourceImage source) {
        if (!source.hasVariants()) {
            return Uni.createFrom().voidItem();
        }
        return variants.isDeleted(source.id(), source.sessionId()).chain(deleted -> {
            if (deleted) {
                LOG.debugf("%s %s was deleted: no variants", source.kindName(), source.id());
                return Uni.createFrom().voidItem();
            }
            return objects.head(source.bucket(), source.path()).chain(info -> {
                if (info.isEmpty()) {
                    LOG.infof("%s %s has no object any more: no variants", source.kindName(), source.id());
                    return Uni.createFrom().voidItem();
                }
                return objects.read(source.bucket(), source.path())
                        .chain(bytes -> renderer.render(source, bytes))
                        .chain(rendered -> store(source, rendered))
                        .onFailure(ImageRejectedException.class)
                        .recoverWithUni(e -> refuse(source, ((ImageRejectedException) e).reason()));
            });
        });
    }

    /**
     * Objects first, then, holding the source's erasure lock, a second look at the tombstones: a delete that
     * committed while the render ran wins, and what was just written is removed again; a delete that comes
     * later waits for the lock and then finds the rows and objects to remove.
     */
    private Uni<Void> store(SourceImage source, List<RenderedVariant> rendered) {
        boolean isPublic = Buckets.STYLES.equals(source.bucket());
        List<Uni<Void>> puts = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (RenderedVariant variant : rendered) {
            String key = keyOf(source, variant);
            keys.add(key);
            puts.add(isPublic ? objects.putPublicRead(source.bucket(), key, variant.bytes(), variant.contentType())
                    : objects.put(source.bucket(), key, variant.bytes(), variant.contentType()));
        }
        return Uni.join().all(puts).andFailFast()
                .chain(() -> variants.lockForErasure(source.id(), source.sessionId()))
                .chain(() -> variants.isDeleted(source.id(), source.sessionId()))
                .chain(deleted -> {
                    if (deleted) {
                        LOG.infof("%s %s was deleted while its variants were made: removed them again",
                                source.kindName(), source.id());
                        return objects.deleteAll(source.bucket(), keys);
                    }
                    Uni<Void> recorded = Uni.createFrom().voidItem();
                    for (RenderedVariant variant : rendered) {
                        recorded = recorded.chain(() -> record(source, variant, rendered.size()));
                    }
                    return recorded;
                });
    }

    private static String keyOf(SourceImage source, RenderedVariant variant) {
        return StoragePaths.variantKey(source.path(), variant.preset().name(), variant.width(), variant.height(),
                variant.format().extension());
    }

    private Uni<Void> record(SourceImage source, RenderedVariant made, int expected) {
        String format = made.format().name().toLowerCase(java.util.Locale.ROOT);
        return upsert(source, made.preset().name(), format).chain(row -> {
            row.storagePath = keyOf(source, made);
            row.contentType = made.contentType();
            row.fileSize = (long) made.bytes().length;
            row.width = made.width();
            row.height = made.height();
            row.quality = 80;
            row.processingStatus = "ready";
            row.processingError = null;
            row.processingConfig = Map.of("maxWidth", made.preset().maxWidth(), "maxHeight", made.preset().maxHeight(),
                    "quality", 80, "format", format);
            row.processedAt = Instant.now();
            row.attempts++;
            row.updatedAt = row.processedAt;
            registry.counter("variants.made", "type", made.preset().name(), "format", format).increment();
            return variants.persist(row);
        }).chain(row -> outbox.add(new VariantReady(source.kind(), source.id(), row.variantType, row.format,
                row.width, row.height, row.fileSize, source.bucket(), row.storagePath, row.contentType, expected)))
                .replaceWithVoid();
    }

    /** The source can never have variants: one failed row for the whole set, and variant.failed with why. */
    private Uni<Void> refuse(SourceImage source, String reason) {
        LOG.infof("%s %s refused: %s", source.kindName(), source.id(), reason);
        registry.counter("variants.failed").increment();
        return upsert(source, WHOLE_SET, "any").chain(row -> {
            row.processingStatus = "failed";
            row.processingError = reason;
            row.processedAt = Instant.now();
            row.attempts++;
            row.updatedAt = row.processedAt;
            return variants.persist(row);
        }).chain(row -> outbox.add(new VariantFailed(source.kind(), source.id(), WHOLE_SET, null, reason,
                row.attempts))).replaceWithVoid();
    }

    private Uni<Variant> upsert(SourceImage source, String variantType, String format) {
        return variants.findOne(source.kindName(), source.id(), variantType, format).map(found -> {
            if (found != null) {
                return found;
            }
            Variant row = new Variant();
            row.id = UUID.randomUUID();
            row.sourceKind = source.kindName();
            row.sourceId = source.id();
            row.sessionId = source.sessionId();
            row.sourceBucket = source.bucket();
            row.sourcePath = source.path();
            row.sourceType = source.contentType();
            row.variantType = variantType;
            row.format = format;
            row.createdAt = Instant.now();
            return row;
        });
    }

    /**
     * Removes every variant of a source, objects first, and remembers the source as deleted so a late confirm
     * makes nothing. {@code originalPath} (when known) also catches objects whose row never committed.
     */
    public Uni<Void> removeSource(UUID sourceId, String bucket, String originalPath) {
        return variants.lockForErasure(sourceId, null).chain(() -> variants.ofSource(sourceId)).chain(rows -> {
            List<String> keys = new ArrayList<>(rows.stream().map(r -> r.storagePath)
                    .filter(java.util.Objects::nonNull).toList());
            // the bucket the variants were written to, as recorded; the event's only when nothing was recorded
            String target = rows.isEmpty() ? bucket : rows.get(0).sourceBucket;
            Uni<List<String>> strays = originalPath == null ? Uni.createFrom().item(List.of())
                    : objects.list(target, StoragePaths.variantNamePrefix(originalPath));
            return strays.chain(found -> {
                found.stream().filter(k -> !keys.contains(k)).forEach(keys::add);
                return objects.deleteAll(target, keys);
            }).chain(() -> variants.delete("sourceId", sourceId))
                    .chain(() -> variants.tombstone(sourceId)).replaceWithVoid();
        });
    }

    /** Makes a source's variants anew (e.g. after the presets changed): old objects and rows go first. */
    public Uni<Integer> regenerate(UUID sourceId) {
        return variants.ofSource(sourceId).chain(rows -> {
            if (rows.isEmpty()) {
                return Uni.createFrom().item(-1);
            }
            SourceImage source = SourceImage.of(rows.get(0));
            List<String> keys = rows.stream().map(r -> r.storagePath).filter(java.util.Objects::nonNull).toList();
            return objects.deleteAll(source.bucket(), keys)
                    .chain(() -> variants.delete("sourceId", sourceId))
                    .chain(() -> make(source))
                    .replaceWith(plan.expectedVariants());
        });
    }

    /**
     * Erases every variant of a session (GDPR): remembers the session as deleted (so a render still in flight
     * stores nothing), then all objects under its prefix, then the rows.
     */
    public Uni<Void> removeSession(UUID sessionId) {
        return variants.lockForErasure(null, sessionId)
                .chain(() -> variants.tombstoneSession(sessionId))
                .chain(() -> objects.deletePrefix(Buckets.USER_UPLOADS, StoragePaths.sessionPrefix(sessionId)))
                .chain(() -> variants.ofSession(sessionId))
                .chain(rows -> {
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (UUID source : rows.stream().map(r -> r.sourceId).distinct().toList()) {
                        chain = chain.chain(() -> variants.tombstone(source).replaceWithVoid());
                    }
                    return chain;
                })
                .chain(() -> variants.delete("sessionId", sessionId)).replaceWithVoid();
    }
}
