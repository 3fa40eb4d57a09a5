package com.renovation.media.assets.repository;

import com.renovation.media.contracts.documents.DocumentStatus;
import com.renovation.media.contracts.documents.DocumentType;
import com.renovation.media.contracts.documents.GeneratedBy;
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

/** This service's projection of one generated document (one version): requested here, rendered elsewhere. */
@Entity
@Table(name = "document_artifacts")
public class DocumentArtifact {
    @Id
    public UUID id;
    @Column(name = "session_id")
    public UUID sessionId;
    /** The session's owner, filled in by the database on insert (the usage counters need it after a cascade). */
    @Column(name = "owner_id", insertable = false, updatable = false)
    public String ownerId;
    @Column(name = "room_id")
    public UUID roomId;
    @Column(name = "document_type")
    @Enumerated(EnumType.STRING)
    public DocumentType documentType;
    public String phase;
    public String title;
    public int version;
    @Column(name = "previous_version_id")
    public UUID previousVersionId;
    @Enumerated(EnumType.STRING)
    public DocumentStatus status;
    public String error;
    public String bucket;
    @Column(name = "storage_path")
    public String storagePath;
    @Column(name = "file_size")
    public Long fileSize;
    @Column(name = "page_count")
    public Integer pageCount;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "expires_at")
    public Instant expiresAt;
    /** The typed content as requested, in the contracts' JSON; null on rows from before it was kept. */
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> content;
    @Column(name = "generated_by")
    @Enumerated(EnumType.STRING)
    public GeneratedBy generatedBy;
    @Column(name = "generation_prompt")
    public String generationPrompt;
    /** The subject of the caller who asked for this version; null on rows from before it was recorded. */
    public String author;
    /** Why this version was made, in the author's words. */
    public String message;
    /** The version of the lineage whose content this one restored; null for a version asked for directly. */
    @Column(name = "restored_from_version")
    public Integer restoredFromVersion;
}
