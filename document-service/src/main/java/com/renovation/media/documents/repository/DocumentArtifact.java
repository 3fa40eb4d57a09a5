package com.renovation.media.documents.repository;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One generated document (one version), with its request and rendering state. */
@Entity
@Table(name = "document_artifacts")
public class DocumentArtifact {
    @Id
    public UUID id;
    @Column(name = "session_id")
    public UUID sessionId;
    @Column(name = "room_id")
    public UUID roomId;
    @Column(name = "owner_id")
    public String ownerId;
    @Column(name = "document_type")
    public String documentType;
    public String phase;
    public String title;
    @JdbcTypeCode(SqlTypes.JSON)
    public JsonNode content;
    @Column(name = "storage_path")
    public String storagePath;
    public String filename;
    @Column(name = "content_type")
    public String contentType;
    @Column(name = "file_size")
    public Long fileSize;
    @Column(name = "generated_by")
    public String generatedBy;
    @Column(name = "generation_prompt")
    public String generationPrompt;
    @Column(name = "template_version")
    public String templateVersion;
    @Column(name = "page_count")
    public Integer pageCount;
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> metadata;
    public int version;
    @Column(name = "previous_version_id")
    public UUID previousVersionId;
    public String status;
    public String error;
    public int attempts;
    @Column(name = "lease_until")
    public Instant leaseUntil;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "rendered_at")
    public Instant renderedAt;
    @Column(name = "expires_at")
    public Instant expiresAt;
}
