package com.renovation.media.assets.rest.dto;

import com.renovation.media.assets.repository.Session;
import com.renovation.media.assets.repository.SessionKind;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A session. {@code lastActivityAt} (its last change of any of its rows) and {@code erasesAt} (when it is erased
 * if nothing changes until then) are read for one session at a time, so lists leave them out (null).
 */
public record SessionView(UUID id, String title, String ownerId, Instant createdAt, Instant updatedAt,
        Instant lastActivityAt, Instant erasesAt) {

    public static SessionView of(Session s) {
        return new SessionView(s.id, s.title, s.ownerId, s.createdAt, s.updatedAt, null, null);
    }

    /** With its activity, and for a project session the erasure {@code inactivity} after it. */
    public static SessionView of(Session s, Instant lastActivityAt, Duration inactivity) {
        return new SessionView(s.id, s.title, s.ownerId, s.createdAt, s.updatedAt, lastActivityAt,
                lastActivityAt == null || s.kind != SessionKind.PROJECT ? null : lastActivityAt.plus(inactivity));
    }
}
