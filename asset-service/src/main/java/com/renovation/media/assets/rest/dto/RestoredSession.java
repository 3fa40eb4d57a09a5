package com.renovation.media.assets.rest.dto;

import java.util.UUID;

/** The new session a restore made. */
public record RestoredSession(UUID sessionId) {
}
