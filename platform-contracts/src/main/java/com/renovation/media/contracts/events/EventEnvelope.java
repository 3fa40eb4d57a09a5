package com.renovation.media.contracts.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/** The message on every topic: {@code {id, type, source, time, subject, data}}. */
public record EventEnvelope(UUID id, String type, String source, Instant time, String subject, JsonNode data) {

    /** Wraps a payload in a new envelope with a fresh id, stamped now. */
    public static EventEnvelope wrap(String source, EventPayload payload) {
        return new EventEnvelope(UUID.randomUUID(), payload.topic(), source, Instant.now(), payload.subject(),
                EventJson.MAPPER.valueToTree(payload));
    }
}
