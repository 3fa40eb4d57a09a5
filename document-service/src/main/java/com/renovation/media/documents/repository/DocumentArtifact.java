package com.renovation.media.documents.repository;

import com.fasterxml.jackson.databind.JsonNode;
import com.renovation.media.contracts.documents.DocumentStatus;
import com.renovation.media.contracts.documents.DocumentType;
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
    @Enumerated(EnumType.STRING)
    public DocumentType documentType;
    public String phase;
    public String title;
    /** The request's content as JSON, read as the record of {@link #documentType} when it is rendered. */
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
    @Enumerated(EnumType.STRING)
    public DocumentStatus status;
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
