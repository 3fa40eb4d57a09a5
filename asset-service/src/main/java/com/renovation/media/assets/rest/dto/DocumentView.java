package com.renovation.media.assets.rest.dto;

import com.renovation.media.assets.repository.DocumentArtifact;
import com.renovation.media.contracts.documents.DocumentStatus;
import com.renovation.media.contracts.documents.DocumentType;
import com.renovation.media.contracts.documents.GeneratedBy;
import java.time.Instant;
import java.util.UUID;

/** A generated document as the API shows it; {@code downloadUrl} only once it is ready. */
public record DocumentView(UUID id, UUID sessionId, UUID roomId, DocumentType documentType, String phase, String title,
        int version, UUID previousVersionId, boolean current, DocumentStatus status, String error, Integer pageCount,
        Long fileSize, String downloadUrl, Instant downloadUrlExpiresAt, Instant createdAt, Instant expiresAt,
        GeneratedBy generatedBy, String generationPrompt, String author, String message,
        Integer restoredFromVersion) {

    public static DocumentView of(DocumentArtifact d, boolean current, String downloadUrl, Instant urlExpiresAt) {
        return new DocumentView(d.id, d.sessionId, d.roomId, d.documentType, d.phase, d.title, d.version,
                d.previousVersionId, current, d.status, d.error, d.pageCount, d.fileSize, downloadUrl, urlExpiresAt,
                d.createdAt, d.expiresAt, d.generatedBy, d.generationPrompt, d.author, d.message,
                d.restoredFromVersion);
    }
}
