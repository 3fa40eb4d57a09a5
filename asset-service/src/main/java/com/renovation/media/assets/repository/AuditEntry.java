package com.renovation.media.assets.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One row of the audit log. Only the database's triggers write them; the service reads and purges. */
@Entity
@Immutable
@Table(name = "audit_log")
public class AuditEntry {
    @Id
    public Long id;
    @Column(name = "entity_type")
    public String entityType;
    @Column(name = "entity_id")
    public UUID entityId;
    @Enumerated(EnumType.STRING)
    public AuditAction action;
    @Column(name = "changed_fields")
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] changedFields;
    @Column(name = "old_values")
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> oldValues;
    @Column(name = "new_values")
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> newValues;
    @Column(name = "owner_id")
    public String ownerId;
    public String actor;
    @ColumnTransformer(read = "host(ip)")
    public String ip;
    @Column(name = "user_agent")
    public String userAgent;
    public Instant at;
}
