package com.renovation.media.assets.service.artefacts;

import com.renovation.media.assets.config.ArtefactConfig;
import com.renovation.media.assets.repository.ArtefactExport;
import com.renovation.media.assets.repository.ArtefactExportRepository;
import com.renovation.media.jobs.LockedBatchJob;
import com.renovation.media.jobs.LockedBatches;
import com.renovation.media.storage.layout.Buckets;
import com.renovation.media.storage.s3.ObjectStore;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Removes exports past {@code platform.artefacts.export-ttl}: their objects first, outside any transaction, then
 * their rows. A run that dies in between leaves rows the next run takes again (the API hides them already); an
 * export rendered after its row is gone is deleted by {@link ArtefactRenders}' caller.
 */
@ApplicationScoped
public class ExportExpiry implements LockedBatchJob<ArtefactExport> {

    private final ArtefactExportRepository exports;
    private final ObjectStore objects;
    private final ArtefactConfig config;
    private final LockedBatches jobs;

    public ExportExpiry(ArtefactExportRepository exports, ObjectStore objects, ArtefactConfig config,
            LockedBatches jobs) {
        this.exports = exports;
        this.objects = objects;
        this.config = config;
        this.jobs = jobs;
    }

    @Override
    public Schedule schedule() {
        return new Schedule("expired artefact exports", config.exportExpiryInterval(), config.exportExpiryBatchSize());
    }

    /** One run now; answers how many exports it removed. */
    public Uni<Integer> run() {
        return jobs.run(this, Instant.now());
    }

    @Override
    public Uni<List<ArtefactExport>> claim(Instant now, int limit) {
        return exports.lockExpired(now, limit);
    }

    @Override
    public Uni<List<ArtefactExport>> work(List<ArtefactExport> claimed) {
        List<String> keys = claimed.stream().map(export -> export.storageKey).filter(Objects::nonNull).toList();
        return keys.isEmpty() ? Uni.createFrom().item(claimed)
                : objects.deleteAll(Buckets.USER_UPLOADS, keys).replaceWith(claimed);
    }

    @Override
    public Uni<Void> finish(List<ArtefactExport> done) {
        return exports.delete("id in ?1", done.stream().map(export -> export.id).toList()).replaceWithVoid();
    }
}
