package com.renovation.media.contracts.events.payload;

import com.renovation.media.contracts.events.EventPayload;
import com.renovation.media.contracts.events.Topics;
import java.util.UUID;

/** A renovation session was erased: every service erases all it holds of it (GDPR). */
public record SessionDeleted(UUID sessionId, String ownerId) implements EventPayload {

    @Override
    public String topic() {
        return Topics.SESSION_DELETED;
    }

    @Override
    public String subject() {
        return sessionId.toString();
    }
}
