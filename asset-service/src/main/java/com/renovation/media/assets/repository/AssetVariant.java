package com.renovation.media.assets.repository;

import com.renovation.media.contracts.variants.VariantStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** This service's projection of one variant the variant-worker made (or failed to make). */
@Entity
@Table(name = "asset_variants")
public class AssetVariant {
    @Id
    public UUID id;
    @Column(name = "parent_asset_id")
    public UUID parentAssetId;
    /** The session's owner, filled in by the database on insert (the usage counters need it after a cascade). */
    @Column(name = "owner_id", insertable = false, updatable = false)
    public String ownerId;
    @Column(name = "variant_type")
    public String variantType;
    public String format;
    @Column(name = "storage_path")
    public String storagePath;
    @Column(name = "content_type")
    public String contentType;
    @Column(name = "file_size")
    public Long fileSize;
    public Integer width;
    public Integer height;
    @Column(name = "processing_status")
    @Enumerated(EnumType.STRING)
    public VariantStatus processingStatus;
    @Column(name = "processing_error")
    public String processingError;
    @Column(name = "processed_at")
    public Instant processedAt;
    @Column(name = "created_at")
    public Instant createdAt;
}
