package com.renovation.media.documents.repository;

import com.renovation.media.contracts.documents.DocumentStatus;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class DocumentArtifactRepository implements PanacheRepositoryBase<DocumentArtifact, UUID> {

    /**
     * Rows to render: waiting ones, and ones whose renderer's lease ran out (it crashed or was stopped).
     * SKIP LOCKED lets replicas claim disjoint rows at once.
     */
    @SuppressWarnings("unchecked")
    public Uni<List<DocumentArtifact>> lockRenderable(Instant now, int limit) {
        return getSession().chain(s -> s.createNativeQuery("SELECT * FROM document_artifacts"
                + " WHERE status = :pending OR (status = :rendering AND lease_until < :now)"
                + " ORDER BY created_at LIMIT :limit FOR UPDATE SKIP LOCKED", DocumentArtifact.class)
                .setParameter("pending", DocumentStatus.PENDING.value())
                .setParameter("rendering", DocumentStatus.RENDERING.value())
                .setParameter("now", now)
                .setParameter("limit", limit)
                .getResultList());
    }

    /** One row, locked until the transaction ends; null when it does not exist (any more). */
    public Uni<DocumentArtifact> lockById(UUID id) {
        return getSession().chain(s -> s.createNativeQuery("SELECT * FROM document_artifacts WHERE id = :id"
                + " FOR UPDATE", DocumentArtifact.class)
                .setParameter("id", id)
                .getResultList()).map(rows -> rows.isEmpty() ? null : (DocumentArtifact) rows.get(0));
    }

    /** Every document of a session, locked: a render finishing meanwhile waits, then finds its row gone. */
    @SuppressWarnings("unchecked")
    public Uni<List<DocumentArtifact>> lockOfSession(UUID sessionId) {
        return getSession().chain(s -> s.createNativeQuery("SELECT * FROM document_artifacts"
                + " WHERE session_id = :session FOR UPDATE", DocumentArtifact.class)
                .setParameter("session", sessionId)
                .getResultList());
    }

    /** Every document drawn from a room, whatever session its rows name, locked. */
    @SuppressWarnings("unchecked")
    public Uni<List<DocumentArtifact>> lockOfRoom(UUID roomId) {
        return getSession().chain(s -> s.createNativeQuery("SELECT * FROM document_artifacts"
                + " WHERE room_id = :room FOR UPDATE", DocumentArtifact.class)
                .setParameter("room", roomId)
                .getResultList());
    }

    /**
     * Leases expired documents to one expiry run until {@code leaseEnd}: replicas take disjoint rows (SKIP LOCKED),
     * a row a renderer still holds waits for its lease, and a run that dies leaves its rows to one after the lease.
     */
    @SuppressWarnings("unchecked")
    public Uni<List<DocumentArtifact>> leaseExpired(Instant now, Instant leaseEnd, int limit) {
        return getSession().chain(s -> s.createNativeQuery("UPDATE document_artifacts SET lease_until = :leaseEnd"
                + " WHERE id IN (SELECT id FROM document_artifacts WHERE expires_at < :now"
                + " AND (lease_until IS NULL OR lease_until < :now) ORDER BY expires_at LIMIT :limit"
                + " FOR UPDATE SKIP LOCKED) RETURNING *", DocumentArtifact.class)
                .setParameter("leaseEnd", leaseEnd)
                .setParameter("now", now)
                .setParameter("limit", limit)
                .getResultList());
    }
}
