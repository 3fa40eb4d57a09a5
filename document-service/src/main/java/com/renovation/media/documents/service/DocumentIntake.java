package com.renovation.media.documents.service;

import com.renovation.media.documents.repository.DocumentArtifact;
import com.renovation.media.documents.repository.DocumentArtifactRepository;
import com.renovation.media.documents.repository.ErasureMarks;
import com.renovation.media.contracts.documents.DocumentStatus;
import com.renovation.media.contracts.events.Event;
import com.renovation.media.contracts.events.EventJson;
import com.renovation.media.contracts.events.payload.DocumentRequested;
import com.renovation.media.storage.layout.StoragePaths;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Records a requested document as a {@code pending} row, inside the consumer's transaction. The row holds
 * everything the render needs and the object key, chosen here once: however often rendering is retried or
 * the event redelivered, there is one row and one object per document. A request that is inconsistent is
 * refused ({@link DocumentRequestCheck}); one whose session or room was already erased records nothing
 * (checked under the session's lock, which the erasure takes too).
 */
@ApplicationScoped
public class DocumentIntake {

    /** Bumped when a layout changes, so a stored document tells which template drew it. */
    public static final String TEMPLATE_VERSION = "1";

    private static final Logger LOG = Logger.getLogger(DocumentIntake.class);

    private final DocumentArtifactRepository artifacts;
    private final ErasureMarks marks;

    public DocumentIntake(DocumentArtifactRepository artifacts, ErasureMarks marks) {
        this.artifacts = artifacts;
        this.marks = marks;
    }

    public Uni<Void> record(Event<DocumentRequested> event) {
        DocumentRequestCheck.check(event);
        DocumentRequested request = event.data();
        return marks.lockAndCheckErased(request.sessionId(), request.roomId())
                .chain(erased -> {
                    if (erased) {
                        LOG.infof("document %s not recorded: its session or room was erased", request.documentId());
                        return Uni.createFrom().voidItem();
                    }
                    return artifacts.findById(request.documentId()).chain(existing -> {
                        if (existing != null) {
                            LOG.debugf("document %s already recorded (%s)", request.documentId(), existing.status);
                            return Uni.createFrom().voidItem();
                        }
                        return artifacts.persist(toArtifact(request)).replaceWithVoid();
                    });
                });
    }

    static DocumentArtifact toArtifact(DocumentRequested request) {
        DocumentArtifact row = new DocumentArtifact();
        row.id = request.documentId();
        row.sessionId = request.sessionId();
        row.roomId = request.roomId();
        row.ownerId = request.ownerId();
        row.documentType = request.documentType();
        row.phase = request.phase();
        row.title = request.title();
        row.content = EventJson.MAPPER.valueToTree(request.content());
        row.storagePath = StoragePaths.documentKey(request.sessionId(), request.documentType().value(), request.version(),
                StoragePaths.uniqueTimestamp());
        row.filename = row.storagePath.substring(row.storagePath.lastIndexOf('/') + 1);
        row.contentType = "application/pdf";
        row.generatedBy = "document-service";
        row.templateVersion = TEMPLATE_VERSION;
        row.version = request.version();
        row.previousVersionId = request.previousVersionId();
        row.status = DocumentStatus.PENDING;
        row.attempts = 0;
        row.createdAt = Instant.now();
        row.expiresAt = expiry(request.expiresAt());
        Map<String, Object> metadata = new HashMap<>();
        metadata.put("requestedVersion", request.version());
        row.metadata = metadata;
        return row;
    }

    private static Instant expiry(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            LOG.warnf("expiresAt %s is not an instant; the document is kept", value);
            return null;
        }
    }
}
