package com.renovation.media.messaging;

import com.renovation.media.contracts.events.EventPayload;
import java.util.UUID;

/** A test event on a test topic. */
public record NoteAdded(UUID noteId, String text) implements EventPayload {
    public static final String TOPIC = "messaging-it.notes";

    @Override
    public String topic() {
        return TOPIC;
    }

    @Override
    public String subject() {
        return noteId.toString();
    }
}
