package com.renovation.media.contracts.events.payload;

import com.renovation.media.contracts.events.EventPayload;
import com.renovation.media.contracts.events.Topics;
import java.util.UUID;

/** A requested document could not be rendered. */
public record DocumentFailed(UUID documentId, UUID sessionId, int version, String error) implements EventPayload {

    @Override
    public String topic() {
        return Topics.DOCUMENT_FAILED;
    }

    @Override
    public String subject() {
        return documentId.toString();
    }
}
