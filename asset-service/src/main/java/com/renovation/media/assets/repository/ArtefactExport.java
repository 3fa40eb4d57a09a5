package com.renovation.media.assets.repository;

import com.renovation.media.contracts.artefacts.ExportFormat;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An export of one artefact version as PDF, PNG or SVG, made by document-service, gone after its expiry. */
@Entity
@Table(name = "artefact_exports")
public class ArtefactExport {
    @Id
    public UUID id;
    @Column(name = "artefact_id")
    public UUID artefactId;
    public int version;
    @Enumerated(EnumType.STRING)
    public ExportFormat format;
    /** A PNG's width in pixels; null for PDF and SVG. */
    public Integer width;
    @Enumerated(EnumType.STRING)
    public RenderStatus status;
    @Column(name = "storage_key")
    public String storageKey;
    public Long bytes;
    public String error;
    @Column(name = "requested_by")
    public String requestedBy;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "expires_at")
    public Instant expiresAt;
}
