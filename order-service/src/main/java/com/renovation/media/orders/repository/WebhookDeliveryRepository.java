package com.renovation.media.orders.repository;

import com.renovation.media.web.paging.SortKey;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class WebhookDeliveryRepository implements PanacheRepositoryBase<WebhookDelivery, UUID> {

    private static final String COLUMNS = "d.id, d.endpoint_id, d.event_type, d.event_id, d.payload, d.status,"
            + " d.attempts, d.next_attempt_at, d.lease_until, d.last_status_code, d.last_error, d.created_at,"
            + " d.delivered_at, d.give_up_at, d.updated_at";

    /**
     * One pending delivery of the event for each of the owner's endpoints subscribed to its type; an endpoint that
     * already has one for this event id (a redelivered event) gets none. Answers how many were added.
     */
    public Uni<Integer> addForSubscribers(String ownerId, String eventType, UUID eventId, String payload,
            Instant now, Instant giveUpAt) {
        return getSession().chain(s -> s.createNativeQuery("INSERT INTO webhook_deliveries (id, endpoint_id,"
                        + " event_type, event_id, payload, status, attempts, next_attempt_at, created_at, updated_at,"
                        + " give_up_at)"
                        + " SELECT gen_random_uuid(), e.id, :type, :eventId, :payload, 'pending', 0, :now, :now, :now,"
                        + " :giveUp FROM webhook_endpoints e"
                        + " WHERE e.owner_id = :owner AND e.deleted_at IS NULL AND :type = ANY (e.events)"
                        + " ON CONFLICT (endpoint_id, event_id) DO NOTHING")
                .setParameter("type", eventType)
                .setParameter("eventId", eventId)
                .setParameter("payload", payload)
                .setParameter("now", now)
                .setParameter("giveUp", giveUpAt)
                .setParameter("owner", ownerId)
                .executeUpdate());
    }

    /** Pending deliveries past their retry window (or of a deleted endpoint) are failed for good. */
    public Uni<Integer> giveUp(Instant now, int limit) {
        return getSession().chain(s -> s.createNativeQuery("UPDATE webhook_deliveries d SET status = 'failed',"
                        + " lease_until = NULL, updated_at = :now,"
                        + " last_error = CASE WHEN e.deleted_at IS NOT NULL THEN 'endpoint deleted'"
                        + " ELSE coalesce(d.last_error || '; ', '') || 'retry window passed, given up' END"
                        + " FROM webhook_endpoints e WHERE e.id = d.endpoint_id AND d.id IN ("
                        + " SELECT x.id FROM webhook_deliveries x JOIN webhook_endpoints y ON y.id = x.endpoint_id"
                        + " WHERE x.status = 'pending' AND (x.lease_until IS NULL OR x.lease_until < :now)"
                        + " AND (x.give_up_at <= :now OR y.deleted_at IS NOT NULL)"
                        + " LIMIT :limit FOR UPDATE OF x SKIP LOCKED)")
                .setParameter("now", now)
                .setParameter("limit", limit)
                .executeUpdate());
    }

    /** Takes due deliveries (SKIP LOCKED) for one attempt each, leased until {@code leaseEnd}. */
    @SuppressWarnings("unchecked")
    public Uni<List<WebhookDelivery>> claimDue(Instant now, Instant leaseEnd, int limit) {
        return getSession().chain(s -> s.createNativeQuery("UPDATE webhook_deliveries d SET attempts = d.attempts + 1,"
                        + " lease_until = :leaseEnd, updated_at = :now"
                        + " WHERE d.id IN (SELECT id FROM webhook_deliveries WHERE status = 'pending'"
                        + " AND next_attempt_at <= :now AND give_up_at > :now"
                        + " AND (lease_until IS NULL OR lease_until < :now)"
                        + " ORDER BY next_attempt_at LIMIT :limit FOR UPDATE SKIP LOCKED) RETURNING " + COLUMNS,
                        WebhookDelivery.class)
                .setParameter("now", now)
                .setParameter("leaseEnd", leaseEnd)
                .setParameter("limit", limit)
                .getResultList());
    }

    public Uni<Integer> markDelivered(UUID id, int statusCode, Instant now) {
        return getSession().chain(s -> s.createNativeQuery("UPDATE webhook_deliveries SET status = 'delivered',"
                        + " delivered_at = :now, last_status_code = :code, last_error = NULL, lease_until = NULL,"
                        + " updated_at = :now WHERE id = :id AND status = 'pending'")
                .setParameter("id", id)
                .setParameter("code", statusCode)
                .setParameter("now", now)
                .executeUpdate());
    }

    /** A failed attempt, tried again at {@code next}. */
    public Uni<Integer> retryAt(UUID id, Integer statusCode, String error, Instant next, Instant now) {
        return getSession().chain(s -> s.createNativeQuery("UPDATE webhook_deliveries SET next_attempt_at = :next,"
                        + " last_status_code = :code, last_error = :error, lease_until = NULL, updated_at = :now"
                        + " WHERE id = :id AND status = 'pending'")
                .setParameter("id", id)
                .setParameter("code", statusCode)
                .setParameter("error", error)
                .setParameter("next", next)
                .setParameter("now", now)
                .executeUpdate());
    }

    /** A failed attempt after which no other comes (the retry window would be passed, or no retry helps). */
    public Uni<Integer> markFailed(UUID id, Integer statusCode, String error, Instant now) {
        return getSession().chain(s -> s.createNativeQuery("UPDATE webhook_deliveries SET status = 'failed',"
                        + " last_status_code = :code, last_error = :error, lease_until = NULL, updated_at = :now"
                        + " WHERE id = :id AND status = 'pending'")
                .setParameter("id", id)
                .setParameter("code", statusCode)
                .setParameter("error", error)
                .setParameter("now", now)
                .executeUpdate());
    }

    /** The deliveries to an owner's endpoints (deleted ones too), newest first, after the cursor. */
    @SuppressWarnings("unchecked")
    public Uni<List<WebhookDelivery>> pageOfOwner(String ownerId, SortKey after, int limit) {
        String keyset = after == null ? ""
                : " AND (d.created_at < :created OR (d.created_at = :created AND d.id < :id))";
        return getSession().chain(s -> {
            var query = s.createNativeQuery("SELECT " + COLUMNS + " FROM webhook_deliveries d"
                    + " JOIN webhook_endpoints e ON e.id = d.endpoint_id WHERE e.owner_id = :owner" + keyset
                    + " ORDER BY d.created_at DESC, d.id DESC LIMIT :limit", WebhookDelivery.class)
                    .setParameter("owner", ownerId)
                    .setParameter("limit", limit);
            if (after != null) {
                query.setParameter("created", after.createdAt()).setParameter("id", after.id());
            }
            return query.getResultList();
        });
    }
}
