package com.renovation.media.orders.rest.dto;

import com.renovation.media.orders.repository.DeliveryStatus;
import com.renovation.media.orders.repository.WebhookDelivery;
import java.time.Instant;
import java.util.UUID;

/** One event's delivery to one of the caller's endpoints (never its payload's signature or the secret). */
public record WebhookDeliveryView(UUID id, UUID endpointId, String eventType, UUID eventId, DeliveryStatus status,
        int attempts, Integer lastStatusCode, String lastError, Instant createdAt, Instant deliveredAt,
        Instant nextAttemptAt) {

    public static WebhookDeliveryView of(WebhookDelivery d) {
        return new WebhookDeliveryView(d.id, d.endpointId, d.eventType, d.eventId, d.status, d.attempts,
                d.lastStatusCode, d.lastError, d.createdAt, d.deliveredAt,
                d.status == DeliveryStatus.PENDING ? d.nextAttemptAt : null);
    }
}
