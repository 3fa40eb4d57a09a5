package com.renovation.media.assets.repository;

import com.renovation.media.contracts.documents.DocumentType;
import com.renovation.media.web.paging.SortKey;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class DocumentArtifactRepository implements PanacheRepositoryBase<DocumentArtifact, UUID> {

    /**
     * Serialises version numbering of one lineage (session, room, type) until the transaction ends: two
     * concurrent requests cannot both read version n and take n+1.
     */
    public Uni<Void> lockLineage(UUID sessionId, UUID roomId, DocumentType documentType) {
        return getSession().chain(s -> s.createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .setParameter("key", "document:" + sessionId + ":" + roomId + ":" + documentType.value())
                .getSingleResult()).replaceWithVoid();
    }

    /** All versions of one lineage, newest first. */
    public Uni<List<DocumentArtifact>> lineage(UUID sessionId, UUID roomId, DocumentType documentType) {
        return roomId == null
                ? list("sessionId = ?1 and roomId is null and documentType = ?2 order by version desc", sessionId,
                        documentType)
                : list("sessionId = ?1 and roomId = ?2 and documentType = ?3 order by version desc", sessionId,
                        roomId, documentType);
    }

    /** A session's documents, newest first, optionally of one phase and type (null: any); limit + 1 rows. */
    public Uni<List<DocumentArtifact>> pageOfSession(UUID sessionId, String phase, DocumentType type, SortKey after,
            int limit) {
        StringBuilder query = new StringBuilder("sessionId = :session");
        Parameters params = Parameters.with("session", sessionId);
        if (phase != null) {
            query.append(" and phase = :phase");
            params.and("phase", phase);
        }
        if (type != null) {
            query.append(" and documentType = :type");
            params.and("type", type);
        }
        if (after != null) {
            query.append(" and (createdAt < :created or (createdAt = :created and id < :id))");
            params.and("created", after.createdAt()).and("id", after.id());
        }
        query.append(" order by createdAt desc, id desc");
        return find(query.toString(), params).range(0, limit).list();
    }

    /** The newest version number of each lineage the given documents belong to, to mark which are current. */
    public Uni<List<Object[]>> newestVersions(UUID sessionId) {
        return getSession().chain(s -> s.createSelectionQuery("select d.roomId, d.documentType, max(d.version)"
                + " from DocumentArtifact d where d.sessionId = :session group by d.roomId, d.documentType",
                Object[].class).setParameter("session", sessionId).getResultList());
    }

    /** Expired projection rows, locked with SKIP LOCKED so replicas take disjoint rows. */
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
