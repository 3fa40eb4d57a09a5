package com.renovation.media.assets.service.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.renovation.media.assets.repository.LiveEventRepository;
import com.renovation.media.assets.rest.dto.LiveChanges.LiveChange;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Adds an event to a user's live stream inside the caller's transaction, so the user sees exactly the changes
 * that commit. It must be the transaction's last statement (see {@link LiveEventRepository}).
 */
@ApplicationScoped
public class LiveEvents {

    private final LiveEventRepository events;
    private final ObjectMapper json;

    public LiveEvents(LiveEventRepository events, ObjectMapper json) {
        this.events = events;
        this.json = json;
    }

    /** For the owner of the session the change belongs to. */
    public Uni<Void> add(UUID sessionId, LiveEventKind kind, LiveChange change) {
        return events.appendForSessionOwner(sessionId, kind.value(), write(kind, change));
    }

    /** For a user named directly: the session is gone already when its erasure is announced. */
    public Uni<Void> addForOwner(String ownerId, LiveEventKind kind, LiveChange change) {
        return events.appendForOwner(ownerId, kind.value(), write(kind, change));
    }

    private String write(LiveEventKind kind, LiveChange change) {
        kind.check(change);
        try {
            return json.writeValueAsString(change);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("live event " + kind.value() + " cannot be written", e);
        }
    }
}
