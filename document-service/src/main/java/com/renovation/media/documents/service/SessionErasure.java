package com.renovation.media.documents.service;

import com.renovation.media.documents.repository.DocumentArtifactRepository;
import com.renovation.media.events.payload.SessionDeleted;
import com.renovation.media.storage.Buckets;
import com.renovation.media.storage.StoragePaths;
import com.renovation.media.storage.s3.ObjectStore;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Erases every document of a deleted session (GDPR), inside the consumer's transaction: the objects under
 * {@code session_{id}/artifacts/} first, then the rows. A render still running finds its row gone and deletes
 * the object it stored.
 */
@ApplicationScoped
public class SessionErasure {

    private static final Logger LOG = Logger.getLogger(SessionErasure.class);

    private final DocumentArtifactRepository artifacts;
    private final ObjectStore objects;

    public SessionErasure(DocumentArtifactRepository artifacts, ObjectStore objects) {
        this.artifacts = artifacts;
        this.objects = objects;
    }

    public Uni<Void> erase(SessionDeleted event) {
        String prefix = StoragePaths.sessionPrefix(event.sessionId()) + "artifacts/";
        return objects.deletePrefix(Buckets.USER_UPLOADS, prefix)
                .chain(objectCount -> artifacts.delete("sessionId", event.sessionId())
                        .invoke(rows -> LOG.infof("session %s erased: %d documents, %d objects", event.sessionId(),
                                rows, objectCount)))
                .replaceWithVoid();
    }
}
