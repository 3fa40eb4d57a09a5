package com.renovation.media.orders.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class JobRepository implements PanacheRepositoryBase<Job, UUID> {

    private static final List<JobStatus> NOT_ENDED = List.of(JobStatus.QUEUED, JobStatus.PROCESSING);

    public Uni<List<Job>> ofOrders(Collection<UUID> orderIds) {
        if (orderIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return list("orderId in ?1", orderIds);
    }

    /** Jobs of the order not ended yet are cancelled; an ended one (completed, failed, cancelled) stays as it is. */
    public Uni<Integer> cancelNotEndedOfOrder(UUID orderId, Instant now) {
        return update("status = ?1, cancelledAt = ?2, updatedAt = ?2, leaseUntil = null"
                + " where orderId = ?3 and status in ?4", JobStatus.CANCELLED, now, orderId, NOT_ENDED);
    }

    /** As {@link #cancelNotEndedOfOrder} for every order of the session. */
    public Uni<Integer> cancelNotEndedOfSession(UUID sessionId, Instant now) {
        return update("status = ?1, cancelledAt = ?2, updatedAt = ?2, leaseUntil = null where status in ?3"
                + " and orderId in (select o.id from Order o where o.sessionId = ?4)",
                JobStatus.CANCELLED, now, NOT_ENDED, sessionId);
    }
}
