package com.renovation.media.orders.repository;

import com.renovation.media.web.paging.SortKey;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class OrderRepository implements PanacheRepositoryBase<Order, UUID> {

    /** An owner's orders, newest first, after the cursor; limit + 1 rows so the caller sees if more exist. */
    public Uni<List<Order>> pageOfOwner(String ownerId, SortKey after, int limit) {
        if (after == null) {
            return find("ownerId = ?1 order by createdAt desc, id desc", ownerId).range(0, limit).list();
        }
        return find("ownerId = :owner and (createdAt < :created or (createdAt = :created and id < :id))"
                + " order by createdAt desc, id desc",
                Parameters.with("owner", ownerId).and("created", after.createdAt()).and("id", after.id()))
                .range(0, limit).list();
    }

    /** The order, locked until the transaction ends: payment events and expiry never interleave on one order. */
    public Uni<Order> lock(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Unpaid orders of the session expire: their assets (or the whole session) are gone. */
    public Uni<Integer> expirePendingOfSession(UUID sessionId, Instant now) {
        return update("status = ?1, expiredAt = ?2, updatedAt = ?2 where sessionId = ?3 and status = ?4",
                OrderStatus.EXPIRED, now, sessionId, OrderStatus.PENDING_PAYMENT);
    }

    /** Unpaid orders naming the asset expire: one of their photos is gone. */
    public Uni<Integer> expirePendingNaming(UUID assetId, Instant now) {
        return update("status = ?1, expiredAt = ?2, updatedAt = ?2 where status = ?3 and id in"
                + " (select i.orderId from OrderItem i where i.assetId = ?4)",
                OrderStatus.EXPIRED, now, OrderStatus.PENDING_PAYMENT, assetId);
    }

    /**
     * The session's orders whose jobs run, locked in id order (every transaction ending jobs takes the order's lock
     * before its jobs', so none waits on another in a cycle).
     */
    public Uni<List<Order>> lockProcessingOfSession(UUID sessionId) {
        return find("sessionId = ?1 and status = ?2 order by id", sessionId, OrderStatus.PROCESSING)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }
}
