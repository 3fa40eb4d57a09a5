package com.renovation.media.orders.repository;

import com.renovation.media.web.paging.SortKey;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class NotificationRepository implements PanacheRepositoryBase<Notification, UUID> {

    /** The columns {@link Notification} maps, named: a column added later must not break the mapping. */
    private static final String COLUMNS = "id, owner_id, to_email, kind, dedupe_key, subject, data, status, attempts,"
            + " max_attempts, next_attempt_at, lease_until, message_id, error_code, error_message, created_at,"
            + " updated_at, sent_at, failed_at";

    /**
     * Queues the notification unless one with its dedupe key exists; answers whether it was added. (The JSON goes
     * in as text: a string bound straight to a jsonb parameter would be stored as a JSON string.)
     */
    public Uni<Boolean> addUnlessPresent(Notification n) {
        return getSession().chain(s -> s.createNativeQuery("INSERT INTO notifications (id, owner_id, to_email, kind,"
                        + " dedupe_key, subject, data, status, attempts, max_attempts, next_attempt_at, error_code,"
                        + " error_message, created_at, updated_at, failed_at)"
                        + " VALUES (:id, :owner, :to, :kind, :key, :subject, CAST(CAST(:data AS text) AS jsonb), :status, 0, :max,"
                        + " :next, :errorCode, :errorMessage, :now, :now, :failedAt)"
                        + " ON CONFLICT (dedupe_key) DO NOTHING")
                .setParameter("id", n.id)
                .setParameter("owner", n.ownerId)
                .setParameter("to", n.toEmail)
                .setParameter("kind", n.kind.value())
                .setParameter("key", n.dedupeKey)
                .setParameter("subject", n.subject)
                .setParameter("data", Json.write(n.data))
                .setParameter("status", n.status.value())
                .setParameter("max", n.maxAttempts)
                .setParameter("next", n.nextAttemptAt)
                .setParameter("errorCode", n.errorCode)
                .setParameter("errorMessage", n.errorMessage)
                .setParameter("now", n.createdAt)
                .setParameter("failedAt", n.failedAt)
                .executeUpdate()).map(added -> added > 0);
    }

    /**
     * Mails found still {@code sending} after their lease: the worker holding them died during the SMTP exchange,
     * so the mail may have gone out. Failed as outcome_unknown, never sent again (no mail twice).
     */
    public Uni<Integer> failLostSends(Instant now, int limit) {
        return getSession().chain(s -> s.createNativeQuery("UPDATE notifications SET status = 'failed',"
                        + " error_code = 'outcome_unknown', error_message = 'the sender stopped during the send;"
                        + " whether the mail went out is unknown, so it is not sent again', failed_at = :now,"
                        + " lease_until = NULL, updated_at = :now"
                        + " WHERE id IN (SELECT id FROM notifications WHERE status = 'sending' AND lease_until < :now"
                        + " ORDER BY lease_until LIMIT :limit FOR UPDATE SKIP LOCKED)")
                .setParameter("now", now)
                .setParameter("limit", limit)
                .executeUpdate());
    }

    /**
     * Takes up to {@code limit} queued mails due at {@code now}, SKIP LOCKED so replicas take disjoint rows: each
     * becomes {@code sending} until {@code leaseEnd}, with one more attempt counted and its Message-ID fixed.
     */
    @SuppressWarnings("unchecked")
    public Uni<List<Notification>> claimDue(Instant now, Instant leaseEnd, int limit) {
        return getSession().chain(s -> s.createNativeQuery("UPDATE notifications SET status = 'sending',"
                        + " attempts = attempts + 1, lease_until = :leaseEnd, updated_at = :now,"
                        + " message_id = '<' || id || '@media-platform>'"
                        + " WHERE id IN (SELECT id FROM notifications WHERE status = 'queued' AND next_attempt_at <= :now"
                        + " ORDER BY next_attempt_at LIMIT :limit FOR UPDATE SKIP LOCKED) RETURNING " + COLUMNS,
                        Notification.class)
                .setParameter("now", now)
                .setParameter("leaseEnd", leaseEnd)
                .setParameter("limit", limit)
                .getResultList());
    }

    /**
     * The mail went out. Also over a row already failed as outcome_unknown (this worker outlived its lease):
     * the truth is known after all.
     */
    public Uni<Integer> markSent(UUID id, Instant now) {
        return getSession().chain(s -> s.createNativeQuery("UPDATE notifications SET status = 'sent', sent_at = :now,"
                        + " lease_until = NULL, error_code = NULL, error_message = NULL, failed_at = NULL,"
                        + " updated_at = :now WHERE id = :id"
                        + " AND (status = 'sending' OR (status = 'failed' AND error_code = 'outcome_unknown'))")
                .setParameter("id", id)
                .setParameter("now", now)
                .executeUpdate());
    }

    /** Ends the send in {@code status} (failed or bounced) with its reason, if the row is still being sent. */
    public Uni<Integer> markEnded(UUID id, NotificationStatus status, String code, String message, Instant now) {
        return getSession().chain(s -> s.createNativeQuery("UPDATE notifications SET status = :status,"
                        + " error_code = :code, error_message = :message, failed_at = :now, lease_until = NULL,"
                        + " updated_at = :now WHERE id = :id AND status = 'sending'")
                .setParameter("id", id)
                .setParameter("status", status.value())
                .setParameter("code", code)
                .setParameter("message", message)
                .setParameter("now", now)
                .executeUpdate());
    }

    /** Queues the mail again for {@code next} after a temporary failure, if the row is still being sent. */
    public Uni<Integer> retryAt(UUID id, Instant next, String code, String message, Instant now) {
        return getSession().chain(s -> s.createNativeQuery("UPDATE notifications SET status = 'queued',"
                        + " next_attempt_at = :next, error_code = :code, error_message = :message, lease_until = NULL,"
                        + " updated_at = :now WHERE id = :id AND status = 'sending'")
                .setParameter("id", id)
                .setParameter("next", next)
                .setParameter("code", code)
                .setParameter("message", message)
                .setParameter("now", now)
                .executeUpdate());
    }

    /** An owner's notifications, newest first, after the cursor; limit + 1 rows tell whether more exist. */
    public Uni<List<Notification>> pageOfOwner(String ownerId, SortKey after, int limit) {
        if (after == null) {
            return find("ownerId = ?1 order by createdAt desc, id desc", ownerId).range(0, limit - 1).list();
        }
        return find("ownerId = :owner and (createdAt < :created or (createdAt = :created and id < :id))"
                + " order by createdAt desc, id desc",
                Parameters.with("owner", ownerId).and("created", after.createdAt()).and("id", after.id()))
                .range(0, limit - 1).list();
    }
}
