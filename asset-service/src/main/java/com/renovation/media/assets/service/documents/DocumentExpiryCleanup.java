package com.renovation.media.assets.service.documents;

import com.renovation.media.assets.repository.DocumentArtifact;
import com.renovation.media.assets.repository.DocumentArtifactRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Drops documents past their {@code expiresAt} from the projection. document-service removes the PDF and its
 * own row on the same instant (it received expiresAt in document.requested), so no event is exchanged.
 * Rows are taken with SKIP LOCKED, so replicas running this at once take disjoint rows.
 */
@ApplicationScoped
public class DocumentExpiryCleanup {

    private static final Logger LOG = Logger.getLogger(DocumentExpiryCleanup.class);

    private final DocumentArtifactRepository documents;
    private final DocumentLimits limits;

    public DocumentExpiryCleanup(DocumentArtifactRepository documents, DocumentLimits limits) {
        this.documents = documents;
        this.limits = limits;
    }

    @Scheduled(every = "${platform.documents.expiry-interval:5m}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return run().invoke(count -> {
            if (count > 0) {
                LOG.infof("removed %d expired documents from the projection", count);
            }
        }).onFailure().invoke(e -> LOG.warnf("document expiry failed: %s", e.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** One round; answers how many documents it removed. */
    public Uni<Integer> run() {
        return Panache.withTransaction(() -> documents.lockExpired(Instant.now(), limits.expiryBatchSize())
                .chain(expired -> expired.isEmpty() ? Uni.createFrom().item(0)
                        : documents.delete("id in ?1", expired.stream().map((DocumentArtifact d) -> d.id).toList())
                                .map(Long::intValue)));
    }
}
