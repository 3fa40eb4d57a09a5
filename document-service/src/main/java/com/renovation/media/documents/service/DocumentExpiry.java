package com.renovation.media.documents.service;

import com.renovation.media.documents.config.DocumentConfig;
import com.renovation.media.documents.repository.DocumentArtifact;
import com.renovation.media.documents.repository.DocumentArtifactRepository;
import com.renovation.media.jobs.LockedBatchJob;
import com.renovation.media.jobs.LockedBatches;
import com.renovation.media.storage.layout.Buckets;
import com.renovation.media.storage.s3.ObjectStore;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/**
 * Removes documents past their {@code expiresAt}: the rows are leased to this run, the PDFs deleted outside any
 * transaction, then the rows; a run that dies in between leaves them to a run after the lease. asset-service drops
 * its projection rows on the same {@code expiresAt} by itself, so no event is needed.
 */
@ApplicationScoped
public class DocumentExpiry implements LockedBatchJob<DocumentArtifact> {

    private final DocumentArtifactRepository artifacts;
    private final ObjectStore objects;
    private final DocumentConfig config;
    private final LockedBatches jobs;

    public DocumentExpiry(DocumentArtifactRepository artifacts, ObjectStore objects, DocumentConfig config,
            LockedBatches jobs) {
        this.artifacts = artifacts;
        this.objects = objects;
        this.config = config;
        this.jobs = jobs;
    }

    @Override
    public Schedule schedule() {
        return new Schedule("expired documents", config.expiryInterval(), config.expiryBatchSize());
    }

    /** One run now; answers how many documents it removed. */
    public Uni<Integer> run() {
        return jobs.run(this, Instant.now());
    }

    @Override
    public Uni<List<DocumentArtifact>> claim(Instant now, int limit) {
        return artifacts.leaseExpired(now, now.plus(LEASE), limit);
    }

    @Override
    public Uni<List<DocumentArtifact>> work(List<DocumentArtifact> claimed) {
        return objects.deleteAll(Buckets.USER_UPLOADS, claimed.stream().map(d -> d.storagePath).toList())
                .replaceWith(claimed);
    }

    @Override
    public Uni<Void> finish(List<DocumentArtifact> done) {
        return artifacts.delete("id in ?1", done.stream().map(d -> d.id).toList()).replaceWithVoid();
    }
}
