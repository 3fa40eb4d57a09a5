package com.renovation.media.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** The data of one event: it knows its topic (which is also the event type) and its subject. */
public interface EventPayload {

    /** The topic the event is published on; also the envelope's {@code type}. */
    @JsonIgnore
    String topic();

    /** The entity the event is about: the Kafka record key, so one entity's events stay in order. */
    @JsonIgnore
    String subject();
}
