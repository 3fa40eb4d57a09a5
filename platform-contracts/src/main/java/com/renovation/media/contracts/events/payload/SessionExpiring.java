package com.renovation.media.contracts.events.payload;

import com.renovation.media.contracts.events.EventPayload;
import com.renovation.media.contracts.events.Topics;
import java.util.UUID;

/**
 * A session has been inactive so long that it will be erased at {@code erasesAt} unless it changes before;
 * times are ISO-8601 instants. Sent once per period of inactivity, for notifications to its owner.
 */
public record SessionExpiring(UUID sessionId, String ownerId, String lastActivityAt, String erasesAt)
        implements EventPayload {

    @Override
    public String topic() {
        return Topics.SESSION_EXPIRING;
    }

    @Override
    public String subject() {
        return sessionId.toString();
    }
}
