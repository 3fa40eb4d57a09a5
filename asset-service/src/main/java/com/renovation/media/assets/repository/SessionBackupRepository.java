package com.renovation.media.assets.repository;

import com.renovation.media.web.paging.SortKey;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class SessionBackupRepository implements PanacheRepositoryBase<SessionBackup, UUID> {

    /** A session's backups, newest first, after the cursor; limit + 1 rows so the caller sees if more exist. */
    public Uni<List<SessionBackup>> pageOfSession(UUID sessionId, SortKey after, int limit) {
        StringBuilder query = new StringBuilder("sessionId = :session");
        Parameters params = Parameters.with("session", sessionId);
        if (after != null) {
            query.append(" and (createdAt < :created or (createdAt = :created and id < :id))");
            params.and("created", after.createdAt()).and("id", after.id());
        }
        query.append(" order by createdAt desc, id desc");
        return find(query.toString(), params).range(0, limit).list();
    }

    /** Serialises the backups of one session until the transaction ends, so retention counts every one of them. */
    public Uni<Void> lockSession(UUID sessionId) {
        return getSession().chain(s -> s.createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .setParameter("key", "backups:" + sessionId).getSingleResult()).replaceWithVoid();
    }

    /** The session's backups beyond the newest {@code keep}. */
    public Uni<List<SessionBackup>> beyondNewest(UUID sessionId, int keep) {
        return find("sessionId = ?1 order by createdAt desc, id desc", sessionId).range(keep, Integer.MAX_VALUE)
                .list();
    }

    /**
     * Claims up to {@code limit} project sessions due for a daily backup — changed since their newest backup, and
     * without a daily one within {@code period} — leasing each until {@code now + lease} so that no other run
     * takes it meanwhile. Answers their ids.
     */
    @SuppressWarnings("unchecked")
    public Uni<List<UUID>> claimDue(Instant now, Duration period, Duration lease, int limit) {
        return getSession().chain(s -> s.createNativeQuery("""
                WITH due AS (
                    SELECT s.id FROM sessions s
                    WHERE s.kind = 'project'
                      AND NOT EXISTS (SELECT 1 FROM session_backup_leases l
                                      WHERE l.session_id = s.id AND l.leased_until > :now)
                      AND NOT EXISTS (SELECT 1 FROM session_backups b WHERE b.session_id = s.id
                                      AND b.trigger = 'daily' AND b.created_at > :periodStart)
                      AND session_last_activity(s.id, s.updated_at) > coalesce(
                          (SELECT max(b.activity_at) FROM session_backups b WHERE b.session_id = s.id),
                          '-infinity'::timestamptz)
                    ORDER BY s.id LIMIT :limit FOR UPDATE OF s SKIP LOCKED)
                INSERT INTO session_backup_leases (session_id, leased_until) SELECT id, :leaseEnd FROM due
                ON CONFLICT (session_id) DO UPDATE SET leased_until = excluded.leased_until
                RETURNING session_id""", UUID.class)
                .setParameter("now", now)
                .setParameter("periodStart", now.minus(period))
                .setParameter("leaseEnd", now.plus(lease))
                .setParameter("limit", limit)
                .getResultList());
    }

    /** Forgets the leases of sessions whose daily backup is done. */
    public Uni<Void> releaseLeases(List<UUID> sessionIds) {
        return getSession().chain(s -> s.createNativeQuery("DELETE FROM session_backup_leases WHERE session_id IN (:ids)")
                .setParameter("ids", sessionIds).executeUpdate()).replaceWithVoid();
    }
}
