package com.renovation.media.orders.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A URL a user registered to receive order events at. */
@Entity
@Table(name = "webhook_endpoints")
public class WebhookEndpoint {
    @Id
    public UUID id;
    @Column(name = "owner_id")
    public String ownerId;
    public String url;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] events;
    public String secret;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "deleted_at")
    public Instant deletedAt;
}
