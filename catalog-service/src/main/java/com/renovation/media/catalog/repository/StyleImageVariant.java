package com.renovation.media.catalog.repository;

import com.renovation.media.contracts.variants.VariantStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** This service's projection of one variant the variant-worker made (or failed to make) of a style image. */
@Entity
@Table(name = "style_image_variants")
public class StyleImageVariant {
    @Id
    public UUID id;
    @Column(name = "image_id")
    public UUID imageId;
    @Column(name = "variant_type")
    public String variantType;
    public String format;
    public Integer width;
    public Integer height;
    @Column(name = "file_size")
    public Long fileSize;
    @Column(name = "storage_path")
    public String storagePath;
    @Column(name = "content_type")
    public String contentType;
    @Enumerated(EnumType.STRING)
    public VariantStatus status;
    public String error;
    @Column(name = "processed_at")
    public Instant processedAt;
    @Column(name = "created_at")
    public Instant createdAt;
}
