package com.renovation.media.contracts.events.payload;

import com.renovation.media.contracts.events.EventPayload;
import com.renovation.media.contracts.events.Topics;
import java.util.UUID;

/** A requested document is rendered and stored. */
public record DocumentReady(UUID documentId, UUID sessionId, int version, String bucket, String storagePath,
        long fileSize, int pageCount) implements EventPayload {

    @Override
    public String topic() {
        return Topics.DOCUMENT_READY;
    }

    @Override
    public String subject() {
        return documentId.toString();
    }
}
