package com.renovation.media.contracts.events.payload;

import com.fasterxml.jackson.databind.JsonNode;
import com.renovation.media.contracts.events.EventPayload;
import com.renovation.media.contracts.events.Topics;
import java.util.UUID;

/**
 * A user asked for a generated document. {@code content} is already validated by asset-service; for a room
 * report it is a snapshot of the room's assets (captions, object keys of the best variant and the original,
 * comparisons, render metadata).
 */
public record DocumentRequested(UUID documentId, UUID sessionId, UUID roomId, String ownerId, String documentType,
        String phase, int version, UUID previousVersionId, String title, JsonNode content, String expiresAt)
        implements EventPayload {

    @Override
    public String topic() {
        return Topics.DOCUMENT_REQUESTED;
    }

    @Override
    public String subject() {
        return documentId.toString();
    }
}
