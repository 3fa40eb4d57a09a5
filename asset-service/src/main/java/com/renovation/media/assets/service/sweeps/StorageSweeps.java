package com.renovation.media.assets.service.sweeps;

import com.renovation.media.assets.config.UploadConfig;
import com.renovation.media.assets.repository.RoomAsset;
import com.renovation.media.assets.repository.StorageSweep;
import com.renovation.media.assets.repository.StorageSweepRepository;
import com.renovation.media.storage.layout.Buckets;
import com.renovation.media.storage.layout.StoragePaths;
import com.renovation.media.storage.s3.StorageConfig;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/**
 * Schedules second deletions for what a still-valid presigned PUT could write after its row is gone or no longer
 * pending: the upload's incoming key, or a whole erased room or session. Called inside the transaction that
 * changes the rows, so the promise to sweep commits with the change. Also leases the prefixes a backup or a
 * restore writes before its rows exist.
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

    /**
     * An erased session's backups prefix, once more after the sweep grace: a backup recorded just before the
     * erasure's transaction (its row then cascades away) may have written there after the first deletion.
     */
    public Uni<Void> backupsOfErasedSession(UUID sessionId) {
        return schedule(StoragePaths.backupsPrefix(sessionId), Instant.now());
    }

    /**
     * Commits, in its own transaction, the promise to delete {@code prefix} once the write lease has passed,
     * before objects are written there whose rows a later transaction adds: a process dying in between leaves
     * nothing behind once the sweeper has run. That transaction calls {@link #keepWritten} with the answer.
     */
    public Uni<StorageSweep> leaseWhileWriting(String prefix) {
        StorageSweep lease = StorageSweep.of(Buckets.USER_UPLOADS, prefix, Instant.now().plus(uploads.writeLease()));
        return Panache.withTransaction(() -> sweeps.persist(lease));
    }

    /**
     * In the transaction that adds the rows of the written objects: forgets the lease, or fails (rolling the rows
     * back) if the sweeper has already claimed it, since the objects may be gone then.
     */
    public Uni<Void> keepWritten(StorageSweep lease) {
        return sweeps.delete("id = ?1 and attempts = 0", lease.id).invoke(deleted -> {
            if (deleted != 1) {
                throw new IllegalStateException("the objects under " + lease.prefix
                        + " outlived their lease and are being swept; nothing was recorded");
            }
        }).replaceWithVoid();
    }

    private Uni<Void> schedule(String prefix, Instant urlsExpire) {
        return sweeps.persist(StorageSweep.of(Buckets.USER_UPLOADS, prefix, urlsExpire.plus(uploads.sweepGrace())))
                .replaceWithVoid();
    }
}
