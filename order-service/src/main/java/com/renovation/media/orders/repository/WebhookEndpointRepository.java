package com.renovation.media.orders.repository;

import com.renovation.media.web.paging.SortKey;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class WebhookEndpointRepository implements PanacheRepositoryBase<WebhookEndpoint, UUID> {

    /**
     * Serializes registrations of one owner until the transaction ends, so the per-user limit counted next holds
     * under concurrent requests.
     */
    public Uni<Void> lockOwner(String ownerId) {
        return getSession().chain(s -> s.createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .setParameter("key", "webhook-endpoints:" + ownerId).getSingleResult()).replaceWithVoid();
    }

    public Uni<Long> countActive(String ownerId) {
        return count("ownerId = ?1 and deletedAt is null", ownerId);
    }

    public Uni<WebhookEndpoint> activeOf(UUID id, String ownerId) {
        return find("id = ?1 and ownerId = ?2 and deletedAt is null", id, ownerId).firstResult();
    }

    /** An owner's endpoints (not deleted), newest first, after the cursor; limit + 1 rows tell if more exist. */
    public Uni<List<WebhookEndpoint>> pageOfOwner(String ownerId, SortKey after, int limit) {
        if (after == null) {
            return find("ownerId = ?1 and deletedAt is null order by createdAt desc, id desc", ownerId)
                    .range(0, limit - 1).list();
        }
        return find("ownerId = :owner and deletedAt is null"
                + " and (createdAt < :created or (createdAt = :created and id < :id)) order by createdAt desc, id desc",
                Parameters.with("owner", ownerId).and("created", after.createdAt()).and("id", after.id()))
                .range(0, limit - 1).list();
    }
}
