package com.renovation.media.contracts.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The one JSON codec for envelopes and payloads, so every service reads what another wrote. */
public final class EventJson {

    /** Tolerates unknown fields: a producer may add fields before every consumer knows them. */
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private EventJson() {
    }

    public static String write(EventEnvelope envelope) {
        try {
            return MAPPER.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event cannot be written as JSON", e);
        }
    }

    /** Reads an envelope, refusing one that lacks a required field. */
    public static EventEnvelope read(String json) {
        if (json == null || json.isBlank()) {
            throw new MalformedEventException("empty record");
        }
        EventEnvelope envelope;
        try {
            envelope = MAPPER.readValue(json, EventEnvelope.class);
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("not an event envelope: " + e.getOriginalMessage(), e);
        }
        if (envelope == null || envelope.id() == null || envelope.type() == null || envelope.subject() == null
                || envelope.data() == null || envelope.data().isNull()) {
            throw new MalformedEventException("event envelope lacks id, type, subject or data");
        }
        return envelope;
    }

    /** Reads an envelope and its data as the given payload type. */
    public static <T> Event<T> read(String json, Class<T> payloadType) {
        EventEnvelope envelope = read(json);
        try {
            T data = MAPPER.treeToValue(envelope.data(), payloadType);
            return new Event<>(envelope.id(), envelope.type(), envelope.source(), envelope.time(),
                    envelope.subject(), data);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new MalformedEventException("data of " + envelope.type() + " is not a "
                    + payloadType.getSimpleName() + ": " + e.getMessage(), e);
        }
    }
}
