package com.renovation.media.assets.service.assets;

import com.renovation.media.assets.config.WorkspaceConfig;
import com.renovation.media.assets.repository.AssetVariantRepository;
import com.renovation.media.assets.repository.RoomAsset;
import com.renovation.media.assets.repository.RoomAssetRepository;
import com.renovation.media.assets.repository.StorageSweep;
import com.renovation.media.assets.repository.StorageSweepRepository;
import com.renovation.media.assets.rest.dto.LiveChanges;
import com.renovation.media.assets.service.live.LiveEventKind;
import com.renovation.media.assets.service.live.LiveEvents;
import com.renovation.media.assets.service.sweeps.StorageSweeps;
import com.renovation.media.contracts.events.payload.AssetDeleted;
import com.renovation.media.jobs.LockedBatchJob;
import com.renovation.media.jobs.LockedBatches;
import com.renovation.media.messaging.outbox.Outbox;
import com.renovation.media.storage.layout.Buckets;
import com.renovation.media.storage.layout.StoragePaths;
import com.renovation.media.storage.s3.ObjectStore;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Removes assets past their {@code expires_at}: unsaved workspace assets and temporary uploads whose order was not
 * paid in time. As a user's delete would: the claim deletes the rows (the usage triggers uncount them) and emits
 * {@code asset.deleted} (variant-worker drops its variants) and the live event, schedules the sweep of the incoming
 * key a still-valid upload URL could write, and leases storage sweeps of every key; the objects are deleted
 * outside the transaction, then the sweeps forgotten. If a run dies in between, the storage sweeper deletes the
 * objects once the lease is over, so nothing is left behind either way. It runs on the workspace's cleanup
 * schedule ({@code platform.workspace.cleanup-interval}), which is short next to either lifetime.
 */
@ApplicationScoped
public class AssetExpiry implements LockedBatchJob<AssetExpiry.Expired> {

    /** One removed asset: the sweeps of its keys this run owns until the lease ends. */
    public record Expired(UUID assetId, List<StorageSweep> sweeps) {
    }

    private final RoomAssetRepository assets;
    private final AssetVariantRepository variants;
    private final StorageSweepRepository sweepRows;
    private final ObjectStore objects;
    private final Outbox outbox;
    private final LiveEvents live;
    private final WorkspaceConfig config;
    private final LockedBatches jobs;
    private final StorageSweeps incoming;

    public AssetExpiry(RoomAssetRepository assets, AssetVariantRepository variants,
            StorageSweepRepository sweepRows, ObjectStore objects, Outbox outbox, LiveEvents live,
            WorkspaceConfig config, LockedBatches jobs, StorageSweeps incoming) {
        this.incoming = incoming;
        this.assets = assets;
        this.variants = variants;
        this.sweepRows = sweepRows;
        this.objects = objects;
        this.outbox = outbox;
        this.live = live;
        this.config = config;
        this.jobs = jobs;
    }

    @Override
    public Schedule schedule() {
        return new Schedule("expired assets", config.cleanupInterval(), config.cleanupBatchSize());
    }

    /** One run now; answers how many expired assets it removed. */
    public Uni<Integer> run() {
        return jobs.run(this, Instant.now());
    }

    @Override
    public Uni<List<Expired>> claim(Instant now, int limit) {
        return assets.lockExpired(now, limit).chain(found -> Multi.createFrom().iterable(found).onItem()
                .transformToUniAndConcatenate(asset -> remove(asset, now)).collect().asList());
    }

    private Uni<Expired> remove(RoomAsset asset, Instant now) {
        return variants.ofAsset(asset.id).chain(list -> {
            List<String> keys = new ArrayList<>();
            keys.add(asset.storagePath);
            keys.add(StoragePaths.incomingKey(asset.sessionId, asset.roomId, asset.id));
            list.stream().map(v -> v.storagePath).filter(Objects::nonNull).forEach(keys::add);
            List<StorageSweep> sweeps = keys.stream()
                    .map(key -> StorageSweep.of(Buckets.USER_UPLOADS, key, now.plus(LEASE))).toList();
            return assets.delete(asset)
                    .chain(() -> sweepRows.persist(sweeps.stream()))
                    .chain(() -> outbox.add(new AssetDeleted(asset.id, asset.sessionId, asset.roomId,
                            Buckets.USER_UPLOADS, keys)))
                    .chain(() -> incoming.incomingOf(asset))
                    .chain(() -> live.add(asset.sessionId, LiveEventKind.ASSET_DELETED,
                            new LiveChanges.AssetRemoved(asset.id, asset.sessionId, asset.roomId)))
                    .replaceWith(new Expired(asset.id, sweeps));
        });
    }

    @Override
    public Uni<List<Expired>> work(List<Expired> claimed) {
        return objects.deleteAll(Buckets.USER_UPLOADS, claimed.stream().flatMap(e -> e.sweeps().stream())
                .map(sweep -> sweep.prefix).toList()).replaceWith(claimed);
    }

    @Override
    public Uni<Void> finish(List<Expired> done) {
        return sweepRows.delete("id in ?1", done.stream().flatMap(e -> e.sweeps().stream())
                .map(sweep -> sweep.id).toList()).replaceWithVoid();
    }
}
