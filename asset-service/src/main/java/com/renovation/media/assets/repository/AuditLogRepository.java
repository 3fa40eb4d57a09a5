package com.renovation.media.assets.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class AuditLogRepository implements PanacheRepositoryBase<AuditEntry, Long> {

    /** Newest first, before the cursor's id; {@code ownerId} null means every owner's (admins). limit + 1 rows. */
    public Uni<List<AuditEntry>> page(String ownerId, AuditEntityType type, UUID entityId, Long before, int limit) {
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (ownerId != null) {
            query.append(" and ownerId = :owner");
            params.and("owner", ownerId);
        }
        if (type != null) {
            query.append(" and entityType = :type");
            params.and("type", type.value());
        }
        if (entityId != null) {
            query.append(" and entityId = :entity");
            params.and("entity", entityId);
        }
        if (before != null) {
            query.append(" and id < :before");
            params.and("before", before);
        }
        return find(query + " order by id desc", params).range(0, limit - 1).list();
    }

    /** Scrubs what an erased session's entities held and records the erasure; in the erasure's transaction. */
    public Uni<Void> eraseSession(UUID sessionId, String ownerId) {
        return Panache.getSession().chain(s -> s.createNativeQuery("SELECT audit_erase_session(:session, :owner)")
                .setParameter("session", sessionId).setParameter("owner", ownerId).getSingleResult())
                .replaceWithVoid();
    }

    /** Deletes up to {@code limit} rows older than {@code before}; answers their ids. */
    public Uni<List<Long>> purge(Instant before, int limit) {
        return Panache.getSession().chain(s -> s.createNativeQuery("DELETE FROM audit_log WHERE id IN"
                        + " (SELECT id FROM audit_log WHERE at < :before ORDER BY id LIMIT :limit"
                        + " FOR UPDATE SKIP LOCKED) RETURNING id", Long.class)
                .setParameter("before", before)
                .setParameter("limit", limit)
                .getResultList());
    }
}
