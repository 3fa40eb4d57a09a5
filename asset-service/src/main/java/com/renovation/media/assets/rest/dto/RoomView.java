package com.renovation.media.assets.rest.dto;

import com.renovation.media.assets.repository.Room;
import java.time.Instant;
import java.util.UUID;

public record RoomView(UUID id, UUID sessionId, String name, String roomType, Instant createdAt, Instant updatedAt) {
    public static RoomView of(Room r) {
        return new RoomView(r.id, r.sessionId, r.name, r.roomType, r.createdAt, r.updatedAt);
    }
}
