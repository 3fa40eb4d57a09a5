package com.renovation.media.assets.service.documents;

import com.renovation.media.assets.repository.DocumentArtifactRepository;
import com.renovation.media.jobs.LockedBatchJob;
import com.renovation.media.jobs.LockedBatches;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Drops documents past their {@code expiresAt} from the projection. document-service removes the PDF and its
 * own row on the same instant (it received expiresAt in document.requested), so no event is exchanged. There is
 * no network work: the claim deletes the rows.
 */
@ApplicationScoped
public class DocumentExpiryCleanup implements LockedBatchJob<UUID> {

    private final DocumentArtifactRepository documents;
    private final DocumentLimits limits;
    private final LockedBatches jobs;

    public DocumentExpiryCleanup(DocumentArtifactRepository documents, DocumentLimits limits, LockedBatches jobs) {
        this.documents = documents;
        this.limits = limits;
        this.jobs = jobs;
    }

    @Override
    public Schedule schedule() {
        return new Schedule("expired documents in the projection", limits.expiryInterval(), limits.expiryBatchSize());
    }

    /** One run now; answers how many documents it removed. */
    public Uni<Integer> run() {
        return jobs.run(this, Instant.now());
    }

    @Override
    public Uni<List<UUID>> claim(Instant now, int limit) {
        return documents.lockExpired(now, limit).chain(expired -> {
            List<UUID> ids = expired.stream().map(document -> document.id).toList();
            return ids.isEmpty() ? Uni.createFrom().item(ids) : documents.delete("id in ?1", ids).replaceWith(ids);
        });
    }
}
