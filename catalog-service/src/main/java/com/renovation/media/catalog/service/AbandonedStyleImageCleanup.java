package com.renovation.media.catalog.service;

import com.renovation.media.catalog.config.CatalogConfig;
import com.renovation.media.catalog.repository.StyleImageRepository;
import com.renovation.media.jobs.LockedBatchJob;
import com.renovation.media.jobs.LockedBatches;
import com.renovation.media.storage.layout.Buckets;
import com.renovation.media.storage.layout.StoragePaths;
import com.renovation.media.storage.s3.ObjectStore;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/**
 * Removes style image uploads declared but never confirmed. The claim deletes their rows (a confirm racing it then
 * finds none and withdraws what it published); outside any transaction go their staged upload and whatever an
 * interrupted confirm published under their key. After the batches the staging bucket is swept of every object
 * older than the pending-upload lifetime (a PUT after confirm or refusal, an upload declared again under the same
 * name, a confirm's copy left by a crash, the staged objects of a run that died after its claim).
 */
@ApplicationScoped
public class AbandonedStyleImageCleanup implements LockedBatchJob<StyleImageRepository.Abandoned> {

    private final StyleImageRepository images;
    private final ObjectStore objects;
    private final CatalogConfig config;
    private final LockedBatches jobs;

    public AbandonedStyleImageCleanup(StyleImageRepository images, ObjectStore objects, CatalogConfig config,
            LockedBatches jobs) {
        this.images = images;
        this.objects = objects;
        this.config = config;
        this.jobs = jobs;
    }

    @Override
    public Schedule schedule() {
        return new Schedule("abandoned style image uploads and stale staged objects", config.cleanupInterval(),
                config.cleanupBatchSize());
    }

    /** One run over uploads declared, and staged objects written, before {@code cutoff}; answers what it removed. */
    public Uni<Integer> run(Instant cutoff) {
        return jobs.run(this, cutoff.plus(config.pendingUploadTtl()));
    }

    @Override
    public Uni<List<StyleImageRepository.Abandoned>> claim(Instant now, int limit) {
        return images.lockAbandoned(now.minus(config.pendingUploadTtl()), limit).call(abandoned -> abandoned.isEmpty()
                ? Uni.createFrom().voidItem()
                : images.delete("id in ?1", abandoned.stream().map(StyleImageRepository.Abandoned::id).toList()));
    }

    /** The public key of an uploading row is its own (keys are unique): only an interrupted confirm left one there. */
    @Override
    public Uni<List<StyleImageRepository.Abandoned>> work(List<StyleImageRepository.Abandoned> claimed) {
        return objects.deleteAll(Buckets.STYLES_STAGING,
                        claimed.stream().map(a -> StoragePaths.stagedUploadKey(a.id())).toList())
                .chain(() -> objects.deleteAll(Buckets.STYLES,
                        claimed.stream().map(StyleImageRepository.Abandoned::storagePath).toList()))
                .replaceWith(claimed);
    }

    @Override
    public Uni<Integer> afterBatches(Instant now) {
        return objects.listModifiedBefore(Buckets.STYLES_STAGING, "", now.minus(config.pendingUploadTtl()))
                .chain(stale -> objects.deleteAll(Buckets.STYLES_STAGING, stale).replaceWith(stale.size()));
    }
}
