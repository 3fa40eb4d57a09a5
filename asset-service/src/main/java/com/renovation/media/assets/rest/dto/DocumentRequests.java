package com.renovation.media.assets.rest.dto;

import com.fasterxml.jackson.databind.JsonNode;
import com.renovation.media.contracts.documents.DocumentStatus;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;

/** Bodies and answers of {@code /sessions/{id}/documents}. */
public final class DocumentRequests {
    private DocumentRequests() {
    }

    /** {@code content} is read as the record of {@code documentType} once the type is known to be valid. */
    public record CreateDocument(
            @NotNull @DocumentTypeName String documentType,
            @Pattern(regexp = "[A-Za-z][A-Za-z0-9_]{0,49}", message = "must be letters, digits or _ (e.g. CHECKLIST, PLAN, PAYMENT)") String phase,
            UUID roomId,
            @NotBlank @Size(max = 200) String title,
            JsonNode content,
            Instant expiresAt) {
    }

    /** 202: the request is recorded; the document is rendered asynchronously. */
    public record DocumentAccepted(UUID id, DocumentStatus status, int version) {
    }
}
