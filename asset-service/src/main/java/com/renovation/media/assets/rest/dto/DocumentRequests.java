package com.renovation.media.assets.rest.dto;

import com.fasterxml.jackson.databind.JsonNode;
import com.renovation.media.contracts.documents.DocumentStatus;
import com.renovation.media.contracts.documents.GeneratedBy;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;

/** Bodies and answers of {@code /sessions/{id}/documents} and {@code /documents/{id}/restore}. */
public final class DocumentRequests {
    /** Longest prompt an AI-written document records. */
    public static final int MAX_PROMPT = 4000;
    /** Longest note a version records of why it was made. */
    public static final int MAX_MESSAGE = 500;
    /** A document phase: a word such as CHECKLIST, PLAN or PAYMENT. */
    public static final String PHASE = "[A-Za-z][A-Za-z0-9_]{0,49}";
    public static final String PHASE_MESSAGE = "must be letters, digits or _ (e.g. CHECKLIST, PLAN, PAYMENT)";

    private DocumentRequests() {
    }

    /**
     * {@code content} is read as the record of {@code documentType} once the type is known to be valid.
     * {@code generatedBy} defaults to system; {@code generationPrompt} goes only with ai. {@code message}: why
     * this version is made, kept with it in the document's history.
     */
    public record CreateDocument(
            @NotNull @DocumentTypeName String documentType,
            @Pattern(regexp = PHASE, message = PHASE_MESSAGE) String phase,
            UUID roomId,
            @NotBlank @Size(max = 200) String title,
            JsonNode content,
            Instant expiresAt,
            GeneratedBy generatedBy,
            @Size(max = MAX_PROMPT) String generationPrompt,
            @Size(max = MAX_MESSAGE) String message) {
    }

    /** {@code POST /documents/{id}/restore}: the version of the lineage to take the content of, and why. */
    public record RestoreDocument(
            @NotNull @Min(1) Integer version,
            @Size(max = MAX_MESSAGE) String message) {
    }

    /** 202: the request is recorded; the document is rendered asynchronously. */
    public record DocumentAccepted(UUID id, DocumentStatus status, int version) {
    }
}
