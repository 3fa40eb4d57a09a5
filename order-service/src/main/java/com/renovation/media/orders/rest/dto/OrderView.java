package com.renovation.media.orders.rest.dto;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.renovation.media.contracts.documents.DecimalText;
import com.renovation.media.contracts.orders.ProcessingService;
import com.renovation.media.orders.repository.Job;
import com.renovation.media.orders.repository.JobStatus;
import com.renovation.media.orders.repository.Order;
import com.renovation.media.orders.repository.OrderItem;
import com.renovation.media.orders.repository.OrderStatus;
import com.renovation.media.orders.repository.PaymentStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** An order as its owner sees it: money as decimal strings, each item with its job (null until paid). */
public record OrderView(UUID id, String number, OrderStatus status, PaymentStatus paymentStatus, UUID sessionId,
        @JsonSerialize(using = DecimalText.class) BigDecimal subtotal,
        @JsonSerialize(using = DecimalText.class) BigDecimal tax,
        @JsonSerialize(using = DecimalText.class) BigDecimal total, String currency, String checkoutUrl,
        Instant createdAt, Instant paidAt, Instant completedAt, Instant refundedAt, Instant expiredAt,
        List<ItemView> items) {

    public record ItemView(UUID id, UUID assetId, ProcessingService service, Map<String, Object> options,
            @JsonSerialize(using = DecimalText.class) BigDecimal price, JobView job) {

        public static ItemView of(OrderItem item, Job job) {
            return new ItemView(item.id, item.assetId, item.service, item.options == null ? Map.of() : item.options,
                    item.price, job == null ? null : JobView.of(job));
        }
    }

    public record JobView(UUID id, JobStatus status, int attempts, int maxAttempts, String externalId,
            String errorCode, String errorMessage, UUID outputAssetId, Instant queuedAt, Instant startedAt,
            Instant completedAt, Instant failedAt, Instant cancelledAt) {

        public static JobView of(Job job) {
            return new JobView(job.id, job.status, job.attempts, job.maxAttempts, job.externalId, job.errorCode,
                    job.errorMessage, job.outputAssetId, job.queuedAt, job.startedAt, job.completedAt, job.failedAt,
                    job.cancelledAt);
        }
    }

    public static OrderView of(Order order, String checkoutUrl, List<ItemView> items) {
        return new OrderView(order.id, order.number, order.status, order.paymentStatus, order.sessionId,
                order.subtotal, order.tax, order.total, order.currency, checkoutUrl, order.createdAt, order.paidAt,
                order.completedAt, order.refundedAt, order.expiredAt, items);
    }
}
