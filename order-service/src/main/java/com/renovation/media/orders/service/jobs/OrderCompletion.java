package com.renovation.media.orders.service.jobs;

import com.renovation.media.contracts.events.payload.OrderCompleted;
import com.renovation.media.messaging.outbox.Outbox;
import com.renovation.media.orders.repository.JobStatus;
import com.renovation.media.orders.repository.JobWorkRepository;
import com.renovation.media.orders.repository.Order;
import com.renovation.media.orders.repository.OrderStatus;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * The one rule by which a paid order ends: once every job of it has ended, the order is completed (all jobs
 * completed), partially_failed (some) or failed (none; a cancelled job counts as not completed), with completed_at
 * and order.completed in the outbox. Called in the transaction that ended the jobs, holding the order's lock: by
 * the worker when a job's outcome is written, and when a deleted session cancels its jobs. Only an order still
 * processing ends here; a refunded one keeps its status and emits nothing.
 */
@ApplicationScoped
public class OrderCompletion {

    private final JobWorkRepository repository;
    private final Outbox outbox;

    public OrderCompletion(JobWorkRepository repository, Outbox outbox) {
        this.repository = repository;
        this.outbox = outbox;
    }

    /** Ends the order if none of its jobs is still queued or processing; answers whether it did. */
    public Uni<Boolean> finishIfAllJobsEnded(Order order, Instant now) {
        if (order.status != OrderStatus.PROCESSING) {
            return Uni.createFrom().item(false);
        }
        // the jobs' changes of this transaction must be in the database before their statuses are read
        return Panache.getSession().chain(session -> session.flush())
                .chain(() -> repository.statusesOfOrder(order.id)).chain(statuses -> {
                    if (statuses.stream().anyMatch(s -> !ended(s))) {
                        return Uni.createFrom().item(false);
                    }
                    int completed = (int) statuses.stream().filter(s -> s == JobStatus.COMPLETED).count();
                    int notCompleted = statuses.size() - completed;
                    order.status = statusAfter(completed, notCompleted);
                    order.completedAt = now;
                    order.updatedAt = now;
                    return outbox.add(new OrderCompleted(order.id, order.number, order.sessionId, order.ownerId,
                            order.status.value(), completed, notCompleted, now.toString())).replaceWith(true);
                });
    }

    /** completed when every job completed, failed when none did, partially_failed between. */
    static OrderStatus statusAfter(int completed, int notCompleted) {
        return notCompleted == 0 ? OrderStatus.COMPLETED
                : completed == 0 ? OrderStatus.FAILED : OrderStatus.PARTIALLY_FAILED;
    }

    static boolean ended(JobStatus status) {
        return status == JobStatus.COMPLETED || status == JobStatus.FAILED || status == JobStatus.CANCELLED;
    }
}
