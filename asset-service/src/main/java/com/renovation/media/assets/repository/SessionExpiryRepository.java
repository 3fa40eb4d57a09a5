package com.renovation.media.assets.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * The inactivity expiry's rows: project sessions by their last activity ({@code session_last_activity}) and the
 * warnings sent about them. Sessions are locked with SKIP LOCKED so replicas running the job take disjoint ones.
 */
@ApplicationScoped
public class SessionExpiryRepository {

    /** A project session and when it last changed. */
    public record Inactive(UUID sessionId, String ownerId, Instant lastActivityAt) {
    }

    private static final String TO_WARN = "SELECT s.id, s.owner_id, a.last_activity FROM sessions s"
            + " CROSS JOIN LATERAL (SELECT session_last_activity(s.id, s.updated_at) AS last_activity) a"
            + " LEFT JOIN session_expiry_warnings w ON w.session_id = s.id"
            + " WHERE s.kind = 'project' AND a.last_activity < :before"
            + " AND (w.session_id IS NULL OR w.last_activity_at <> a.last_activity)"
            + " ORDER BY a.last_activity LIMIT :limit FOR UPDATE OF s SKIP LOCKED";
    private static final String TO_ERASE = "SELECT s.id, s.owner_id, w.last_activity_at FROM sessions s"
            + " JOIN session_expiry_warnings w ON w.session_id = s.id"
            + " WHERE s.kind = 'project' AND w.last_activity_at < :before AND w.warned_at <= :warnedBefore"
            + " AND (w.erase_lease_until IS NULL OR w.erase_lease_until < :now)"
            + " AND w.last_activity_at = session_last_activity(s.id, s.updated_at)"
            + " ORDER BY w.last_activity_at LIMIT :limit FOR UPDATE OF s, w SKIP LOCKED";

    /** Sessions inactive since before {@code before} not yet warned in this period of inactivity. */
    public Uni<List<Inactive>> lockToWarn(Instant before, int limit) {
        return query(TO_WARN, before, null, null, limit);
    }

    /**
     * Sessions inactive since before {@code before}, warned in this period of inactivity at {@code warnedBefore}
     * or earlier, and not being erased by another run.
     */
    public Uni<List<Inactive>> lockToErase(Instant before, Instant warnedBefore, Instant now, int limit) {
        return query(TO_ERASE, before, warnedBefore, now, limit);
    }

    /** Records the warning of this period of inactivity (replacing one of an earlier period). */
    public Uni<Void> warned(UUID sessionId, Instant lastActivityAt, Instant warnedAt) {
        return Panache.getSession().chain(s -> s.createNativeQuery("INSERT INTO session_expiry_warnings"
                        + " (session_id, last_activity_at, warned_at) VALUES (:id, :activity, :at)"
                        + " ON CONFLICT (session_id) DO UPDATE SET last_activity_at = excluded.last_activity_at,"
                        + " warned_at = excluded.warned_at, erase_lease_until = NULL")
                .setParameter("id", sessionId).setParameter("activity", lastActivityAt).setParameter("at", warnedAt)
                .executeUpdate()).replaceWithVoid();
    }

    /** The sessions stay with the run erasing them until {@code until}. */
    public Uni<Void> leaseErasure(List<UUID> sessionIds, Instant until) {
        if (sessionIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession().chain(s -> s.createNativeQuery("UPDATE session_expiry_warnings"
                        + " SET erase_lease_until = :until WHERE session_id = ANY(:ids)")
                .setParameter("until", until).setParameter("ids", sessionIds.toArray(UUID[]::new))
                .executeUpdate()).replaceWithVoid();
    }

    @SuppressWarnings("unchecked")
    private static Uni<List<Inactive>> query(String sql, Instant before, Instant warnedBefore, Instant now,
            int limit) {
        if (limit <= 0) {
            return Uni.createFrom().item(List.of());
        }
        return Panache.getSession().chain(s -> {
            var query = s.createNativeQuery(sql, Object[].class).setParameter("before", before)
                    .setParameter("limit", limit);
            if (warnedBefore != null) {
                query.setParameter("warnedBefore", warnedBefore).setParameter("now", now);
            }
            return query.getResultList();
        }).map(rows -> ((List<Object[]>) (List<?>) rows).stream()
                .map(row -> new Inactive((UUID) row[0], (String) row[1], instant(row[2]))).toList());
    }

    private static Instant instant(Object value) {
        return switch (value) {
            case Instant i -> i;
            case OffsetDateTime o -> o.toInstant();
            case java.sql.Timestamp t -> t.toInstant();
            case java.time.LocalDateTime l -> l.toInstant(ZoneOffset.UTC);
            default -> throw new IllegalStateException("not a time: " + value);
        };
    }
}
