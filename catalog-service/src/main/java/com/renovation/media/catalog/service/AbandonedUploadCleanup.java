package com.renovation.media.catalog.service;

import com.renovation.media.catalog.config.CatalogConfig;
import com.renovation.media.catalog.repository.StyleImageRepository;
import com.renovation.media.storage.Buckets;
import com.renovation.media.storage.s3.ObjectStore;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Removes image uploads declared but never confirmed: the object if the admin's client put one (it is still
 * private), then the row. Rows are taken with SKIP LOCKED, so replicas can run this at once.
 */
@ApplicationScoped
public class AbandonedUploadCleanup {

    private static final Logger LOG = Logger.getLogger(AbandonedUploadCleanup.class);

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
        return run(Instant.now().minus(config.pendingUploadTtl())).invoke(count -> {
            if (count > 0) {
                LOG.infof("removed %d abandoned style image uploads", count);
            }
        }).onFailure().invoke(e -> LOG.warnf("abandoned upload cleanup failed: %s", e.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** One pass over uploads declared before {@code cutoff}; answers how many it removed. */
    public Uni<Integer> run(Instant cutoff) {
        return Panache.withTransaction(() -> images.lockAbandoned(cutoff, config.cleanupBatchSize())
                .chain(abandoned -> removeAll(abandoned).replaceWith(abandoned.size())));
    }

    private Uni<Void> removeAll(List<StyleImageRepository.Abandoned> abandoned) {
        if (abandoned.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        // objects first: if S3 fails, the transaction rolls back and the rows are retried next time
        return objects.deleteAll(Buckets.STYLES, abandoned.stream().map(StyleImageRepository.Abandoned::storagePath).toList())
                .chain(() -> images.delete("id in ?1", abandoned.stream().map(StyleImageRepository.Abandoned::id).toList()))
                .replaceWithVoid();
    }
}
