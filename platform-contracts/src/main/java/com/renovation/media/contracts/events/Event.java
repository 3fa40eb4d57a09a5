package com.renovation.media.contracts.events;

import java.time.Instant;
import java.util.UUID;

/** A received event with its data already read into the payload type. */
public record Event<T>(UUID id, String type, String source, Instant time, String subject, T data) {
}
