package com.renovation.media.orders.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.renovation.media.contracts.events.EventJson;

/** JSON text of a value bound to a jsonb parameter of a native statement. */
final class Json {

    private Json() {
    }

    static String write(Object value) {
        try {
            return EventJson.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not writable as JSON", e);
        }
    }
}
