package com.renovation.media.assets.service.uploads;

import com.renovation.media.assets.config.UploadConfig;
import com.renovation.media.assets.repository.RoomAssetRepository;
import com.renovation.media.assets.repository.StorageSweep;
import com.renovation.media.assets.repository.StorageSweepRepository;
import com.renovation.media.assets.service.sweeps.StorageSweeps;
import com.renovation.media.jobs.LockedBatchJob;
import com.renovation.media.jobs.LockedBatches;
import com.renovation.media.storage.layout.Buckets;
import com.renovation.media.storage.layout.StoragePaths;
import com.renovation.media.storage.s3.MultipartStore;
import com.renovation.media.storage.s3.ObjectStore;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Removes uploads still pending after the configured age, their row and the objects the client may have put.
 * The claim deletes the rows (a confirm racing it then finds none) and records the objects as storage sweeps leased
 * to this run; the objects are deleted outside any transaction, then the sweeps forgotten. If the run dies in
 * between, {@link com.renovation.media.assets.service.sweeps.StorageSweeper} deletes them once the lease is over.
 * Uploads in parts left open that long are aborted after the batches, wherever they are assembled (the asset's own
 * key, or the incoming key for rows from before V21): both keys are among the objects deleted.
 */
@ApplicationScoped
public class AbandonedUploadCleanup implements LockedBatchJob<AbandonedUploadCleanup.Abandoned> {

    /** One removed upload: the sweeps of its keys this run owns until the lease ends. */
    public record Abandoned(UUID assetId, List<StorageSweep> sweeps) {
    }

    private final RoomAssetRepository assets;
    private final StorageSweepRepository sweepRows;
    private final StorageSweeps sweeps;
    private final ObjectStore objects;
    private final UploadConfig config;
    private final LockedBatches jobs;
    private final MultipartStore multipart;

    public AbandonedUploadCleanup(RoomAssetRepository assets, StorageSweepRepository sweepRows, StorageSweeps sweeps,
            ObjectStore objects, UploadConfig config, LockedBatches jobs, MultipartStore multipart) {
        this.multipart = multipart;
        this.assets = assets;
        this.sweepRows = sweepRows;
        this.sweeps = sweeps;
        this.objects = objects;
        this.config = config;
        this.jobs = jobs;
    }

    @Override
    public Schedule schedule() {
        return new Schedule("abandoned uploads", config.cleanupInterval(), config.cleanupBatchSize());
    }

    /** One run now; answers how many abandoned uploads it removed. */
    public Uni<Integer> run() {
        return jobs.run(this, Instant.now());
    }

    @Override
    public Uni<List<Abandoned>> claim(Instant now, int limit) {
        return assets.lockAbandoned(now.minus(config.pendingTtl()), limit).chain(found -> {
            if (found.isEmpty()) {
                return Uni.createFrom().item(List.<Abandoned>of());
            }
            List<Abandoned> claimed = found.stream().map(asset -> new Abandoned(asset.id, Stream.of(asset.storagePath,
                            StoragePaths.incomingKey(asset.sessionId, asset.roomId, asset.id))
                    .map(key -> StorageSweep.of(Buckets.USER_UPLOADS, key, now.plus(LEASE))).toList())).toList();
            return assets.delete("id in ?1", found.stream().map(asset -> asset.id).toList())
                    .chain(() -> sweepRows.persist(claimed.stream().flatMap(a -> a.sweeps().stream())))
                    // the upload URL may still write its incoming key after this run deleted it
                    .chain(() -> Multi.createFrom().iterable(found).onItem()
                            .transformToUniAndConcatenate(sweeps::incomingOf).collect().last())
                    .replaceWith(claimed);
        });
    }

    @Override
    public Uni<List<Abandoned>> work(List<Abandoned> claimed) {
        return objects.deleteAll(Buckets.USER_UPLOADS, claimed.stream().flatMap(a -> a.sweeps().stream())
                .map(sweep -> sweep.prefix).toList()).replaceWith(claimed);
    }

    /**
     * Uploads in parts started before the pending TTL and still open belong to uploads abandoned by now (their rows
     * just went, or never committed): aborting them drops their parts, which no object listing shows.
     */
    @Override
    public Uni<Integer> afterBatches(Instant now) {
        return multipart.openBefore(Buckets.USER_UPLOADS, "", now.minus(config.pendingTtl()))
                .chain(open -> Multi.createFrom().iterable(open).onItem()
                        .transformToUniAndConcatenate(upload -> multipart.abort(Buckets.USER_UPLOADS, upload.key(),
                                upload.uploadId()))
                        .collect().last().replaceWith(open.size()));
    }

    @Override
    public Uni<Void> finish(List<Abandoned> done) {
        return sweepRows.delete("id in ?1", done.stream().flatMap(a -> a.sweeps().stream())
                .map(sweep -> sweep.id).toList()).replaceWithVoid();
    }
}
