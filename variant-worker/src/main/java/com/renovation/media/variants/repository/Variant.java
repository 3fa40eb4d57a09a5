package com.renovation.media.variants.repository;

import com.renovation.media.contracts.events.payload.SourceKind;
import com.renovation.media.contracts.variants.VariantStatus;
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

/** One variant of one source image, with its source and attempts. */
@Entity
@Table(name = "variants")
public class Variant {
    @Id
    public UUID id;
    @Column(name = "source_kind")
    @Enumerated(EnumType.STRING)
    public SourceKind sourceKind;
    @Column(name = "source_id")
    public UUID sourceId;
    @Column(name = "session_id")
    public UUID sessionId;
    @Column(name = "source_bucket")
    public String sourceBucket;
    @Column(name = "source_path")
    public String sourcePath;
    @Column(name = "source_type")
    public String sourceType;
    @Column(name = "variant_type")
    public String variantType;
    public String format;
    public Integer quality;
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
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "processing_config")
    public Map<String, Object> processingConfig;
    @Column(name = "processed_at")
    public Instant processedAt;
    public int attempts;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
