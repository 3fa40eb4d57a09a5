package com.renovation.media.orders.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One mail to a user, from its queuing to its outcome. */
@Entity
@Table(name = "notifications")
public class Notification {
    @Id
    public UUID id;
    @Column(name = "owner_id")
    public String ownerId;
    @Column(name = "to_email")
    public String toEmail;
    @Enumerated(EnumType.STRING)
    public NotificationKind kind;
    @Column(name = "dedupe_key")
    public String dedupeKey;
    public String subject;
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> data;
    @Enumerated(EnumType.STRING)
    public NotificationStatus status;
    public int attempts;
    @Column(name = "max_attempts")
    public int maxAttempts;
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;
    @Column(name = "lease_until")
    public Instant leaseUntil;
    @Column(name = "message_id")
    public String messageId;
    @Column(name = "error_code")
    public String errorCode;
    @Column(name = "error_message")
    public String errorMessage;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "sent_at")
    public Instant sentAt;
    @Column(name = "failed_at")
    public Instant failedAt;
}
