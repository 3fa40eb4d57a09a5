package com.renovation.media.documents.service;

import com.renovation.media.contracts.events.Event;
import com.renovation.media.contracts.events.payload.DocumentRequested;
import com.renovation.media.documents.repository.DocumentArtifactRepository;
import com.renovation.media.storage.layout.Buckets;
import com.renovation.media.storage.layout.StoragePaths;
import com.renovation.media.storage.s3.ObjectStore;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * A request whose owner's plan keeps only the newest {@code versionsKept} versions of a lineage drops the older
 * ones: their PDFs first, outside any transaction ({@link #removePdfs}), then their rows in the transaction that
 * records the request ({@link #forget}), then the PDFs once more, for a render of an old version that uploaded
 * meanwhile. A render finishing after its row went deletes its own PDF. Every step may be repeated.
 */
@ApplicationScoped
public class VersionPruning {

    private static final Logger LOG = Logger.getLogger(VersionPruning.class);

    /** The rows to drop, and their PDFs' keys (only keys under the session's documents folder). */
    public record Pruned(List<UUID> ids, List<String> keys) {
        static final Pruned NOTHING = new Pruned(List.of(), List.of());
    }

    private final DocumentArtifactRepository artifacts;
    private final ObjectStore objects;

    public VersionPruning(DocumentArtifactRepository artifacts, ObjectStore objects) {
        this.artifacts = artifacts;
        this.objects = objects;
    }

    public Uni<Pruned> removePdfs(Event<DocumentRequested> event) {
        DocumentRequested request = event.data();
        if (request.versionsKept() == null || request.versionsKept() < 1) {
            return Uni.createFrom().item(Pruned.NOTHING);
        }
        int newestDropped = request.version() - request.versionsKept();
        if (newestDropped < 1) {
            return Uni.createFrom().item(Pruned.NOTHING);
        }
        String folder = StoragePaths.documentPrefix(request.sessionId());
        return Panache.withSession(() -> request.roomId() == null
                        ? artifacts.list("sessionId = ?1 and roomId is null and documentType = ?2 and version <= ?3",
                                request.sessionId(), request.documentType(), newestDropped)
                        : artifacts.list("sessionId = ?1 and roomId = ?2 and documentType = ?3 and version <= ?4",
                                request.sessionId(), request.roomId(), request.documentType(), newestDropped))
                .map(rows -> new Pruned(rows.stream().map(row -> row.id).toList(), rows.stream()
                        .map(row -> row.storagePath)
                        .filter(key -> key != null && key.startsWith(folder) && !key.contains(".."))
                        .toList()))
                .call(pruned -> objects.deleteAll(Buckets.USER_UPLOADS, pruned.keys()));
    }

    /** In the consumer's transaction: the dropped versions' rows. */
    public Uni<Void> forget(Pruned pruned) {
        if (pruned.ids().isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return artifacts.delete("id in ?1", pruned.ids())
                .invoke(count -> LOG.infof("%d document versions dropped: the plan keeps fewer", count))
                .replaceWithVoid();
    }

    /** After the commit: a render of a dropped version may have uploaded its PDF meanwhile. */
    public Uni<Void> removePdfsAgain(Pruned pruned) {
        return objects.deleteAll(Buckets.USER_UPLOADS, pruned.keys());
    }
}
