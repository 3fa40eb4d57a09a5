package com.renovation.media.assets.service.uploads;

import com.renovation.media.assets.config.UploadConfig;
import com.renovation.media.assets.repository.RoomAsset;
import com.renovation.media.assets.repository.RoomAssetRepository;
import com.renovation.media.assets.service.sweeps.StorageSweeps;
import com.renovation.media.storage.layout.Buckets;
import com.renovation.media.storage.layout.StoragePaths;
import com.renovation.media.storage.s3.ObjectStore;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Removes uploads still pending after the configured age: the object if the client put one, then the row.
 * Rows are taken with SKIP LOCKED, so several replicas can run this at once without doing a row twice.
 */
@ApplicationScoped
public class AbandonedUploadCleanup {

    private static final Logger LOG = Logger.getLogger(AbandonedUploadCleanup.class);

    private final RoomAssetRepository assets;
    private final ObjectStore objects;
    private final UploadConfig config;
    private final StorageSweeps sweeps;

    public AbandonedUploadCleanup(RoomAssetRepository assets, ObjectStore objects, UploadConfig config,
            StorageSweeps sweeps) {
        this.sweeps = sweeps;
        this.assets = assets;
        this.objects = objects;
        this.config = config;
    }

    @Scheduled(every = "${platform.uploads.cleanup-interval:5m}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return run().invoke(count -> {
            if (count > 0) {
                LOG.infof("removed %d abandoned uploads", count);
            }
        }).onFailure().invoke(e -> LOG.warnf("abandoned upload cleanup failed: %s", e.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** One pass; answers how many abandoned uploads it removed. */
    public Uni<Integer> run() {
        Instant cutoff = Instant.now().minus(config.pendingTtl());
        return Panache.withTransaction(() -> assets.lockAbandoned(cutoff, config.cleanupBatchSize())
                .chain(abandoned -> removeAll(abandoned).replaceWith(abandoned.size())));
    }

    private Uni<Void> removeAll(List<RoomAsset> abandoned) {
        if (abandoned.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<String> keys = abandoned.stream().flatMap(a -> Stream.of(a.storagePath,
                StoragePaths.incomingKey(a.sessionId, a.roomId, a.id))).toList();
        // objects first: if S3 fails, the transaction rolls back and the rows are retried next time
        return objects.deleteAll(Buckets.USER_UPLOADS, keys)
                .chain(() -> assets.delete("id in ?1", abandoned.stream().map(a -> a.id).toList()))
                .chain(() -> Multi.createFrom().iterable(abandoned).onItem()
                        .transformToUniAndConcatenate(sweeps::incomingOf).collect().last())
                .replaceWithVoid();
    }
}
