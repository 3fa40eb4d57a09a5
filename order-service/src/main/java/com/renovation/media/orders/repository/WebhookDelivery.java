package com.renovation.media.orders.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One event to be delivered to one endpoint, with its attempts. */
@Entity
@Table(name = "webhook_deliveries")
public class WebhookDelivery {
    @Id
    public UUID id;
    @Column(name = "endpoint_id")
    public UUID endpointId;
    @Column(name = "event_type")
    public String eventType;
    @Column(name = "event_id")
    public UUID eventId;
    public String payload;
    @Enumerated(EnumType.STRING)
    public DeliveryStatus status;
    public int attempts;
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;
    @Column(name = "lease_until")
    public Instant leaseUntil;
    @Column(name = "last_status_code")
    public Integer lastStatusCode;
    @Column(name = "last_error")
    public String lastError;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "delivered_at")
    public Instant deliveredAt;
    @Column(name = "give_up_at")
    public Instant giveUpAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
