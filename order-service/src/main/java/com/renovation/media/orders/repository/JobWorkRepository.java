package com.renovation.media.orders.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The job worker's queries: claims and the locks its outcome transactions take. Within a transaction only. */
@ApplicationScoped
public class JobWorkRepository {

    /**
     * Due jobs (queued or processing, next attempt reached, no live lease), locked with SKIP LOCKED so workers
     * claiming at once take disjoint jobs.
     */
    @SuppressWarnings("unchecked")
    public Uni<List<Job>> lockDue(Instant now, int limit) {
        return Panache.getSession().chain(s -> s.createNativeQuery("SELECT * FROM jobs WHERE status IN ('queued',"
                        + " 'processing') AND next_attempt_at <= :now AND (lease_until IS NULL OR lease_until <= :now)"
                        + " ORDER BY next_attempt_at LIMIT :limit FOR UPDATE SKIP LOCKED", Job.class)
                .setParameter("now", now)
                .setParameter("limit", limit)
                .getResultList());
    }

    /** The job, locked until the transaction ends (the outcome is written against what is there now). */
    @SuppressWarnings("unchecked")
    public Uni<Job> lockJob(UUID id) {
        return Panache.getSession().chain(s -> s.createNativeQuery("SELECT * FROM jobs WHERE id = :id FOR UPDATE",
                Job.class).setParameter("id", id).getResultList().map(rows -> rows.isEmpty() ? null
                        : (Job) rows.getFirst()));
    }

    /**
     * The order, locked: taken before its job by every outcome transaction, so the last two jobs of an order ending
     * at once are serialised and one of them sees the other ended.
     */
    @SuppressWarnings("unchecked")
    public Uni<Order> lockOrder(UUID id) {
        return Panache.getSession().chain(s -> s.createNativeQuery("SELECT * FROM orders WHERE id = :id FOR UPDATE",
                Order.class).setParameter("id", id).getResultList().map(rows -> rows.isEmpty() ? null
                        : (Order) rows.getFirst()));
    }

    /** The statuses of every job of the order. */
    public Uni<List<JobStatus>> statusesOfOrder(UUID orderId) {
        return Panache.getSession().chain(s -> s.createSelectionQuery("select j.status from Job j"
                + " where j.orderId = :order", JobStatus.class).setParameter("order", orderId).getResultList());
    }

    public Uni<OrderItem> item(UUID id) {
        return Panache.getSession().chain(s -> s.find(OrderItem.class, id));
    }

    public Uni<Order> order(UUID id) {
        return Panache.getSession().chain(s -> s.find(Order.class, id));
    }

    public Uni<OrderAsset> asset(UUID id) {
        return Panache.getSession().chain(s -> s.find(OrderAsset.class, id));
    }
}
