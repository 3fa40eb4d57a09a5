package com.renovation.media.orders.repository;

import com.renovation.media.contracts.orders.ProcessingService;
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

/** One item's processing at the provider, with its attempts, its error and its output. */
@Entity
@Table(name = "jobs")
public class Job {
    @Id
    public UUID id;
    @Column(name = "order_id")
    public UUID orderId;
    @Column(name = "item_id")
    public UUID itemId;
    @Enumerated(EnumType.STRING)
    public ProcessingService service;
    @Enumerated(EnumType.STRING)
    public JobStatus status;
    @Column(name = "external_id")
    public String externalId;
    public int attempts;
    @Column(name = "max_attempts")
    public int maxAttempts;
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;
    @Column(name = "deadline_at")
    public Instant deadlineAt;
    @Column(name = "lease_until")
    public Instant leaseUntil;
    @Column(name = "error_code")
    public String errorCode;
    @Column(name = "error_message")
    public String errorMessage;
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> input;
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> output;
    @Column(name = "output_asset_id")
    public UUID outputAssetId;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "queued_at")
    public Instant queuedAt;
    @Column(name = "started_at")
    public Instant startedAt;
    @Column(name = "completed_at")
    public Instant completedAt;
    @Column(name = "failed_at")
    public Instant failedAt;
    @Column(name = "cancelled_at")
    public Instant cancelledAt;
}
