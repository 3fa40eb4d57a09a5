package com.renovation.media.assets.service.sweeps;

import com.renovation.media.assets.config.UploadConfig;
import com.renovation.media.assets.repository.RoomAsset;
import com.renovation.media.assets.repository.StorageSweep;
import com.renovation.media.assets.repository.StorageSweepRepository;
import com.renovation.media.storage.layout.Buckets;
import com.renovation.media.storage.layout.StoragePaths;
import com.renovation.media.storage.s3.StorageConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * Schedules second deletions for what a still-valid presigned PUT could write after its row is gone or no longer
 * pending: the upload's incoming key, or a whole erased room or session. Called inside the transaction that
 * changes the rows, so the promise to sweep commits with the change.
 */
@ApplicationScoped
public class StorageSweeps {

    private final StorageSweepRepository sweeps;
    private final StorageConfig storage;
    private final UploadConfig uploads;

    public StorageSweeps(StorageSweepRepository sweeps, StorageConfig storage, UploadConfig uploads) {
        this.sweeps = sweeps;
        this.storage = storage;
        this.uploads = uploads;
    }

    /** The asset's upload URL, signed when its row was made, may still write its incoming key until it expires. */
    public Uni<Void> incomingOf(RoomAsset asset) {
        return schedule(StoragePaths.incomingKey(asset.sessionId, asset.roomId, asset.id),
                asset.createdAt.plus(storage.uploadUrlTtl()));
    }

    /** Any upload URL signed before now for keys under the prefix may write there until it expires. */
    public Uni<Void> prefixAfterUploadUrls(String prefix) {
        return schedule(prefix, Instant.now().plus(storage.uploadUrlTtl()));
    }

    private Uni<Void> schedule(String prefix, Instant urlsExpire) {
        return sweeps.persist(StorageSweep.of(Buckets.USER_UPLOADS, prefix, urlsExpire.plus(uploads.sweepGrace())))
                .replaceWithVoid();
    }
}
