package com.renovation.media.documents.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * The marks of erased sessions and rooms, and the per-session lock that orders recording a request against
 * erasing its session or room: whichever takes the lock second sees what the first committed.
 */
@ApplicationScoped
public class ErasureMarks {

    /** Until the transaction ends; the same key space as no other lock of this schema. */
    public Uni<Void> lockSession(UUID sessionId) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .setParameter("key", "documents-session:" + sessionId)
                .getSingleResult()).replaceWithVoid();
    }

    public Uni<Void> markSession(UUID sessionId) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "INSERT INTO erased_sessions (session_id) VALUES (:session) ON CONFLICT DO NOTHING")
                .setParameter("session", sessionId)
                .executeUpdate()).replaceWithVoid();
    }

    public Uni<Void> markRoom(UUID roomId, UUID sessionId) {
        return Panache.getSession().chain(s -> s.createNativeQuery("INSERT INTO erased_rooms (room_id, session_id)"
                        + " VALUES (:room, :session) ON CONFLICT DO NOTHING")
                .setParameter("room", roomId)
                .setParameter("session", sessionId)
                .executeUpdate()).replaceWithVoid();
    }

    /** Whether the session, or the room when one is given, was erased. */
    public Uni<Boolean> erased(UUID sessionId, UUID roomId) {
        return Panache.getSession().chain(s -> s.createNativeQuery("SELECT"
                        + " EXISTS (SELECT 1 FROM erased_sessions WHERE session_id = :session)"
                        + " OR EXISTS (SELECT 1 FROM erased_rooms WHERE room_id = :room)", Boolean.class)
                .setParameter("session", sessionId)
                // a nil id matches no room: a document of the whole session has none
                .setParameter("room", roomId == null ? new UUID(0, 0) : roomId)
                .getSingleResult());
    }

    /**
     * Takes the session's lock, then answers whether the session or room was erased: an erasure committing
     * later waits for this transaction, so what it decides on this answer cannot race the erasure.
     */
    public Uni<Boolean> lockAndCheckErased(UUID sessionId, UUID roomId) {
        return lockSession(sessionId).chain(() -> erased(sessionId, roomId));
    }
}
