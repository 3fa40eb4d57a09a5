package com.renovation.media.catalog.service;

import com.renovation.media.catalog.config.CatalogConfig;
import com.renovation.media.catalog.repository.StyleImageRepository;
import com.renovation.media.storage.layout.Buckets;
import com.renovation.media.storage.layout.StoragePaths;
import com.renovation.media.storage.s3.ObjectStore;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Removes image uploads declared but never confirmed: their staged upload (private), whatever an interrupted
 * confirm may have published under their key, then the rows; and sweeps the staging bucket of every object
 * older than the pending-upload lifetime (a PUT after confirm or refusal, an upload declared again under the
 * same name, a confirm's copy left by a crash). Rows are taken with SKIP LOCKED, so replicas can run this at once.
 */
@ApplicationScoped
public class AbandonedUploadCleanup {

    private static final Logger LOG = Logger.getLogger(AbandonedUploadCleanup.class);

    /** What one pass removed. */
    public record Removed(int uploads, int stagedObjects) {
    }

    private final StyleImageRepository images;
    private final ObjectStore objects;
    private final CatalogConfig config;

    public AbandonedUploadCleanup(StyleImageRepository images, ObjectStore objects, CatalogConfig config) {
        this.images = images;
        this.objects = objects;
        this.config = config;
    }

    @Scheduled(every = "${platform.catalog.cleanup-interval:5m}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return run(Instant.now().minus(config.pendingUploadTtl())).invoke(removed -> {
            if (removed.uploads() > 0 || removed.stagedObjects() > 0) {
                LOG.infof("removed %d abandoned style image uploads and %d stale staged objects", removed.uploads(),
                        removed.stagedObjects());
            }
        }).onFailure().invoke(e -> LOG.warnf("abandoned upload cleanup failed: %s", e.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** One pass over uploads declared, and staged objects written, before {@code cutoff}. */
    public Uni<Removed> run(Instant cutoff) {
        return Panache.withTransaction(() -> images.lockAbandoned(cutoff, config.cleanupBatchSize())
                        .chain(abandoned -> removeAll(abandoned).replaceWith(abandoned.size())))
                .chain(uploads -> objects.listModifiedBefore(Buckets.STYLES_STAGING, "", cutoff)
                        .chain(stale -> objects.deleteAll(Buckets.STYLES_STAGING, stale)
                                .replaceWith(new Removed(uploads, stale.size()))));
    }

    private Uni<Void> removeAll(List<StyleImageRepository.Abandoned> abandoned) {
        if (abandoned.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        // objects first: if S3 fails, the transaction rolls back and the rows are retried next time; the public
        // key of an uploading row is its own (keys are unique), so only an interrupted confirm left one there
        List<String> staged = abandoned.stream().map(a -> StoragePaths.stagedUploadKey(a.id())).toList();
        List<String> published = abandoned.stream().map(StyleImageRepository.Abandoned::storagePath).toList();
        return objects.deleteAll(Buckets.STYLES_STAGING, staged)
                .chain(() -> objects.deleteAll(Buckets.STYLES, published))
                .chain(() -> images.delete("id in ?1",
                        abandoned.stream().map(StyleImageRepository.Abandoned::id).toList()))
                .replaceWithVoid();
    }
}
