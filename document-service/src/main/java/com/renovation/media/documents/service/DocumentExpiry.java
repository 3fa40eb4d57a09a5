package com.renovation.media.documents.service;

import com.renovation.media.documents.config.DocumentConfig;
import com.renovation.media.documents.repository.DocumentArtifact;
import com.renovation.media.documents.repository.DocumentArtifactRepository;
import com.renovation.media.storage.layout.Buckets;
import com.renovation.media.storage.s3.ObjectStore;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Removes documents past their {@code expiresAt}: objects first (if S3 fails, the transaction rolls back and
 * the rows are tried again next round), then rows. Rows are taken with SKIP LOCKED, so replicas running this
 * at once take disjoint rows. asset-service drops its projection rows on the same {@code expiresAt} by itself,
 * so no event is needed.
 */
@ApplicationScoped
public class DocumentExpiry {

    private static final Logger LOG = Logger.getLogger(DocumentExpiry.class);

    private final DocumentArtifactRepository artifacts;
    private final ObjectStore objects;
    private final DocumentConfig config;

    public DocumentExpiry(DocumentArtifactRepository artifacts, ObjectStore objects, DocumentConfig config) {
        this.artifacts = artifacts;
        this.objects = objects;
        this.config = config;
    }

    @Scheduled(every = "${platform.documents.expiry-interval:5m}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return run().invoke(count -> {
            if (count > 0) {
                LOG.infof("removed %d expired documents", count);
            }
        }).onFailure().invoke(e -> LOG.warnf("document expiry failed: %s", e.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** One round; answers how many documents it removed. */
    public Uni<Integer> run() {
        return Panache.withTransaction(() -> artifacts.lockExpired(Instant.now(), config.expiryBatchSize())
                .chain(expired -> remove(expired).replaceWith(expired.size())));
    }

    private Uni<Void> remove(List<DocumentArtifact> expired) {
        if (expired.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return objects.deleteAll(Buckets.USER_UPLOADS, expired.stream().map(d -> d.storagePath).toList())
                .chain(() -> artifacts.delete("id in ?1", expired.stream().map(d -> d.id).toList()))
                .replaceWithVoid();
    }
}
