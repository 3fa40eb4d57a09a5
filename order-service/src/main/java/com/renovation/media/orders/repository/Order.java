package com.renovation.media.orders.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** An owner's order of paid processing for photos of one session. */
@Entity
@Table(name = "orders")
public class Order {
    @Id
    public UUID id;
    public String number;
    @Column(name = "owner_id")
    public String ownerId;
    @Column(name = "owner_email")
    public String ownerEmail;
    @Column(name = "session_id")
    public UUID sessionId;
    @Enumerated(EnumType.STRING)
    public OrderStatus status;
    @Enumerated(EnumType.STRING)
    @Column(name = "payment_status")
    public PaymentStatus paymentStatus;
    @Column(name = "payment_id")
    public String paymentId;
    public String currency;
    public BigDecimal subtotal;
    public BigDecimal tax;
    public BigDecimal total;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "paid_at")
    public Instant paidAt;
    @Column(name = "completed_at")
    public Instant completedAt;
    @Column(name = "refunded_at")
    public Instant refundedAt;
    @Column(name = "expired_at")
    public Instant expiredAt;
}
