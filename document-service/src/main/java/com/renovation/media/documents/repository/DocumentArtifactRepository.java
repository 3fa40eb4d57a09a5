package com.renovation.media.documents.repository;

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
                + " WHERE status = 'pending' OR (status = 'rendering' AND lease_until < :now)"
                + " ORDER BY created_at LIMIT :limit FOR UPDATE SKIP LOCKED", DocumentArtifact.class)
                .setParameter("now", now)
                .setParameter("limit", limit)
                .getResultList());
    }

    /** Expired documents, locked with SKIP LOCKED so replicas cleaning up at once take disjoint rows. */
    @SuppressWarnings("unchecked")
    public Uni<List<DocumentArtifact>> lockExpired(Instant now, int limit) {
        return getSession().chain(s -> s.createNativeQuery("SELECT * FROM document_artifacts"
                + " WHERE expires_at < :now ORDER BY expires_at LIMIT :limit FOR UPDATE SKIP LOCKED",
                        DocumentArtifact.class)
                .setParameter("now", now)
                .setParameter("limit", limit)
                .getResultList());
    }
}
