package com.renovation.media.contracts.events.payload;

import com.renovation.media.contracts.events.EventPayload;
import com.renovation.media.contracts.events.Topics;
import java.util.UUID;

/**
 * A room was deleted with everything in it: every service erases what it holds of the room (documents drawn
 * from it included), and records nothing more for it.
 */
public record RoomDeleted(UUID roomId, UUID sessionId, String ownerId) implements EventPayload {

    @Override
    public String topic() {
        return Topics.ROOM_DELETED;
    }

    @Override
    public String subject() {
        return roomId.toString();
    }
}
