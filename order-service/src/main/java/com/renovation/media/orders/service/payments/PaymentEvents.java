package com.renovation.media.orders.service.payments;

import com.renovation.media.contracts.events.payload.OrderPaid;
import com.renovation.media.contracts.payments.PaymentEvent;
import com.renovation.media.contracts.payments.PaymentEventType;
import com.renovation.media.messaging.outbox.Outbox;
import com.renovation.media.orders.config.JobsConfig;
import com.renovation.media.orders.repository.Job;
import com.renovation.media.orders.repository.JobRepository;
import com.renovation.media.orders.repository.JobStatus;
import com.renovation.media.orders.repository.Order;
import com.renovation.media.orders.repository.OrderItem;
import com.renovation.media.orders.repository.OrderItemRepository;
import com.renovation.media.orders.repository.OrderRepository;
import com.renovation.media.orders.repository.OrderStatus;
import com.renovation.media.orders.repository.PaymentEventOutcome;
import com.renovation.media.orders.repository.PaymentEventRepository;
import com.renovation.media.orders.repository.PaymentStatus;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Applies a verified payment event to its order, once per event id: the event's row and everything it changes
 * (the order, its jobs, the outbox's order.paid) commit together, so a redelivery finds the row and changes
 * nothing, and a crash in between leaves neither.
 */
@ApplicationScoped
public class PaymentEvents {

    private static final Logger LOG = Logger.getLogger(PaymentEvents.class);

    private final PaymentEventRepository events;
    private final OrderRepository orders;
    private final OrderItemRepository items;
    private final JobRepository jobs;
    private final Outbox outbox;
    private final JobsConfig jobsConfig;

    public PaymentEvents(PaymentEventRepository events, OrderRepository orders, OrderItemRepository items,
            JobRepository jobs, Outbox outbox, JobsConfig jobsConfig) {
        this.events = events;
        this.orders = orders;
        this.items = items;
        this.jobs = jobs;
        this.outbox = outbox;
        this.jobsConfig = jobsConfig;
    }

    private record Result(PaymentEventOutcome outcome, String detail) {
        static Result applied() {
            return new Result(PaymentEventOutcome.APPLIED, null);
        }

        static Result ignored(String detail) {
            return new Result(PaymentEventOutcome.IGNORED, detail);
        }

        static Result rejected(String detail) {
            return new Result(PaymentEventOutcome.REJECTED, detail);
        }
    }

    /** The outcome of the event: what it did now, or what it did when first received. */
    @WithTransaction
    public Uni<PaymentEventOutcome> apply(PaymentEvent event) {
        UUID orderId = event.data() == null ? null : event.data().orderId();
        return events.recordIfAbsent(event.id(), event.type(), orderId).chain(recorded -> {
            if (!recorded) {
                return events.findById(event.id()).map(first -> first.outcome);
            }
            return decide(event, orderId).call(result -> events.setOutcome(event.id(), result.outcome(),
                    result.detail())).invoke(result -> log(event, result)).map(Result::outcome);
        });
    }

    private static void log(PaymentEvent event, Result result) {
        if (result.outcome() == PaymentEventOutcome.REJECTED) {
            LOG.warnf("payment event %s (%s) rejected: %s", event.id(), event.type(), result.detail());
        } else {
            LOG.infof("payment event %s (%s): %s%s", event.id(), event.type(), result.outcome().value(),
                    result.detail() == null ? "" : " (" + result.detail() + ")");
        }
    }

    private Uni<Result> decide(PaymentEvent event, UUID orderId) {
        PaymentEventType type = PaymentEventType.find(event.type()).orElse(null);
        if (type == null) {
            return Uni.createFrom().item(Result.ignored("unknown event type"));
        }
        if (orderId == null) {
            return Uni.createFrom().item(Result.rejected("the event names no order"));
        }
        return orders.lock(orderId).chain(order -> {
            if (order == null) {
                return Uni.createFrom().item(Result.rejected("unknown order"));
            }
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            return switch (type) {
                case PAYMENT_SUCCEEDED -> succeeded(event, order, now);
                case PAYMENT_FAILED -> Uni.createFrom().item(failed(order, now));
                case REFUNDED -> refunded(order, now);
            };
        });
    }

    private Uni<Result> succeeded(PaymentEvent event, Order order, Instant now) {
        PaymentEvent.Data data = event.data();
        if (data.amount() == null || data.amount().compareTo(order.total) != 0) {
            return Uni.createFrom().item(Result.rejected("amount " + data.amount() + " is not the order's total "
                    + order.total.toPlainString()));
        }
        if (data.currency() == null || !data.currency().equalsIgnoreCase(order.currency)) {
            return Uni.createFrom().item(Result.rejected("currency " + data.currency() + " is not the order's "
                    + order.currency));
        }
        if (order.paymentStatus == PaymentStatus.SUCCEEDED || order.paymentStatus == PaymentStatus.REFUNDED) {
            return Uni.createFrom().item(Result.ignored("the order is paid already"));
        }
        if (order.status != OrderStatus.PENDING_PAYMENT) {
            // the owner paid an order that expired meanwhile: kept for the operator to refund
            return Uni.createFrom().item(Result.rejected("the order is " + order.status.value()));
        }
        if (data.paymentId() != null) {
            // payment_id is unique: a provider's payment pays one order, never a second one
            return orders.count("paymentId = ?1 and id <> ?2", data.paymentId(), order.id).chain(others -> others > 0
                    ? Uni.createFrom().item(Result.rejected("payment " + data.paymentId() + " paid another order"))
                    : paid(order, data, now));
        }
        return paid(order, data, now);
    }

    private Uni<Result> paid(Order order, PaymentEvent.Data data, Instant now) {
        order.status = OrderStatus.PROCESSING;
        order.paymentStatus = PaymentStatus.SUCCEEDED;
        order.paymentId = data.paymentId();
        order.paidAt = now;
        order.updatedAt = now;
        return items.list("orderId = ?1 order by position", order.id).chain(orderItems -> {
            List<Job> queued = orderItems.stream().map(item -> newJob(order, item, now)).toList();
            List<UUID> assetIds = orderItems.stream().map(i -> i.assetId).distinct().toList();
            return jobs.persist(queued)
                    .chain(() -> outbox.add(new OrderPaid(order.id, order.number, order.sessionId, order.ownerId,
                            assetIds, now.toString())))
                    .replaceWith(Result.applied());
        });
    }

    private Job newJob(Order order, OrderItem item, Instant now) {
        Job job = new Job();
        job.id = UUID.randomUUID();
        job.orderId = order.id;
        job.itemId = item.id;
        job.service = item.service;
        job.status = JobStatus.QUEUED;
        job.attempts = 0;
        job.maxAttempts = jobsConfig.maxAttempts();
        job.nextAttemptAt = now;
        job.deadlineAt = now.plus(jobsConfig.deadline());
        job.input = Map.of();
        // chosen now, so every attempt (and a redelivered output) names the same asset
        job.outputAssetId = UUID.randomUUID();
        job.createdAt = now;
        job.updatedAt = now;
        job.queuedAt = now;
        return job;
    }

    private static Result failed(Order order, Instant now) {
        if (order.status != OrderStatus.PENDING_PAYMENT || order.paymentStatus == PaymentStatus.SUCCEEDED) {
            return Result.ignored("the order is not waiting for a payment");
        }
        order.paymentStatus = PaymentStatus.FAILED;
        order.updatedAt = now;
        return Result.applied();
    }

    private Uni<Result> refunded(Order order, Instant now) {
        if (order.paymentStatus == PaymentStatus.REFUNDED) {
            return Uni.createFrom().item(Result.ignored("the order is refunded already"));
        }
        if (order.paymentStatus != PaymentStatus.SUCCEEDED) {
            return Uni.createFrom().item(Result.rejected("the order was never paid"));
        }
        order.status = OrderStatus.REFUNDED;
        order.paymentStatus = PaymentStatus.REFUNDED;
        order.refundedAt = now;
        order.updatedAt = now;
        return jobs.cancelNotEndedOfOrder(order.id, now).replaceWith(Result.applied());
    }
}
