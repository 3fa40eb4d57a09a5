package com.renovation.media.assets.rest.dto;

import com.renovation.media.assets.repository.Session;
import java.time.Instant;
import java.util.UUID;

public record SessionView(UUID id, String title, String ownerId, Instant createdAt, Instant updatedAt) {
    public static SessionView of(Session s) {
        return new SessionView(s.id, s.title, s.ownerId, s.createdAt, s.updatedAt);
    }
}
