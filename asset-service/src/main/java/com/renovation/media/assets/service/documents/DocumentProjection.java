package com.renovation.media.assets.service.documents;

import com.renovation.media.assets.repository.DocumentArtifactRepository;
import com.renovation.media.assets.rest.dto.LiveChanges;
import com.renovation.media.assets.service.live.LiveEventKind;
import com.renovation.media.assets.service.live.LiveEvents;
import com.renovation.media.contracts.documents.DocumentStatus;
import com.renovation.media.contracts.events.payload.DocumentFailed;
import com.renovation.media.contracts.events.payload.DocumentReady;
import com.renovation.media.messaging.consumer.PermanentEventFailure;
import com.renovation.media.storage.layout.Buckets;
import com.renovation.media.storage.layout.StoragePaths;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Applies document-service's outcome events to the projection, inside the consumer's transaction. Events of
 * a document that is gone (its session was erased, it expired) are ignored.
 */
@ApplicationScoped
public class DocumentProjection {

    private static final Logger LOG = Logger.getLogger(DocumentProjection.class);

    private final DocumentArtifactRepository documents;
    private final LiveEvents live;

    public DocumentProjection(DocumentArtifactRepository documents, LiveEvents live) {
        this.documents = documents;
        this.live = live;
    }

    public Uni<Void> ready(DocumentReady event) {
        return documents.findById(event.documentId()).chain(document -> {
            if (document == null) {
                LOG.debugf("document.ready of unknown document %s ignored", event.documentId());
                return Uni.createFrom().voidItem();
            }
            // this service signs URLs for the key: it must be in this document's own session
            if (!document.sessionId.equals(event.sessionId()) || !Buckets.USER_UPLOADS.equals(event.bucket())
                    || !StoragePaths.isObjectIn(StoragePaths.documentPrefix(document.sessionId), event.storagePath())) {
                throw new PermanentEventFailure("document " + event.bucket() + "/" + event.storagePath()
                        + " is not among the artifacts of session " + document.sessionId);
            }
            document.status = DocumentStatus.READY;
            document.error = null;
            document.bucket = event.bucket();
            document.storagePath = event.storagePath();
            document.fileSize = event.fileSize();
            document.pageCount = event.pageCount();
            document.updatedAt = Instant.now();
            return live.add(document.sessionId, LiveEventKind.DOCUMENT_READY, LiveChanges.DocumentChange.of(document));
        });
    }

    public Uni<Void> failed(DocumentFailed event) {
        return documents.findById(event.documentId()).chain(document -> {
            if (document == null || document.status == DocumentStatus.READY) {
                return Uni.createFrom().voidItem();
            }
            document.status = DocumentStatus.FAILED;
            document.error = event.error();
            document.updatedAt = Instant.now();
            return live.add(document.sessionId, LiveEventKind.DOCUMENT_FAILED, LiveChanges.DocumentChange.of(document));
        });
    }
}
