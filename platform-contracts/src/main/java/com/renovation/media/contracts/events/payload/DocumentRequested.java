package com.renovation.media.contracts.events.payload;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.annotation.JsonTypeIdResolver;
import com.renovation.media.contracts.documents.DocumentContent;
import com.renovation.media.contracts.documents.DocumentType;
import com.renovation.media.contracts.documents.DocumentTypeIds;
import com.renovation.media.contracts.documents.GeneratedBy;
import com.renovation.media.contracts.events.EventPayload;
import com.renovation.media.contracts.events.Topics;
import java.util.UUID;

/**
 * A user asked for a generated document. {@code content} is already validated by asset-service and is read as
 * the record of its {@code documentType} (the field beside it, as it always was on the wire); for a room
 * report it is a snapshot of the room's assets (captions, object keys of the best variant and the original,
 * comparisons, render metadata). {@code generatedBy} says who wrote the content ({@code null} in older events:
 * system), {@code generationPrompt} the prompt of AI-written content. {@code versionsKept} is how many versions of
 * the lineage the owner's plan keeps, this one included (null: all); older ones are dropped when this one is taken.
 */
public record DocumentRequested(UUID documentId, UUID sessionId, UUID roomId, String ownerId,
        DocumentType documentType, String phase, int version, UUID previousVersionId, String title,
        @JsonTypeInfo(use = JsonTypeInfo.Id.CUSTOM, include = JsonTypeInfo.As.EXTERNAL_PROPERTY,
                property = "documentType", visible = true)
        @JsonTypeIdResolver(DocumentTypeIds.class) DocumentContent content,
        String expiresAt,
        // absent rather than null, so an event of a system document reads as it did before these fields
        @JsonInclude(JsonInclude.Include.NON_NULL) GeneratedBy generatedBy,
        @JsonInclude(JsonInclude.Include.NON_NULL) String generationPrompt,
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer versionsKept) implements EventPayload {

    public DocumentRequested {
        if (documentType != null && content != null && content.type() != documentType) {
            throw new IllegalArgumentException("content of a " + content.type().value() + " given for a "
                    + documentType.value());
        }
    }

    @Override
    public String topic() {
        return Topics.DOCUMENT_REQUESTED;
    }

    @Override
    public String subject() {
        return documentId.toString();
    }
}
