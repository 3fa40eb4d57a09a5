package com.renovation.media.orders.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A payment event received, kept by its id so a redelivery changes nothing. */
@Entity
@Table(name = "payment_events")
public class PaymentEventRecord {
    @Id
    public String id;
    public String type;
    @Column(name = "order_id")
    public UUID orderId;
    @Enumerated(EnumType.STRING)
    public PaymentEventOutcome outcome;
    public String detail;
    @Column(name = "received_at")
    public Instant receivedAt;
}
