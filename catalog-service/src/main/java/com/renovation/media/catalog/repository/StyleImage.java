package com.renovation.media.catalog.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;

/** One image of a style (seed 001 style_images, plus status and checksum). */
@Entity
@Table(name = "style_images")
public class StyleImage {
    @Id
    public UUID id;
    @Column(name = "style_id")
    public UUID styleId;
    @Column(name = "storage_path")
    public String storagePath;
    public String filename;
    @Column(name = "content_type")
    public String contentType;
    @Column(name = "file_size")
    public long fileSize;
    public Integer width;
    public Integer height;
    public String caption;
    @Column(name = "alt_text")
    public String altText;
    @Column(name = "room_type")
    public String roomType;
    // JSONB array, moved as text: Hibernate Reactive decodes JSON columns into objects and fails on arrays
    @Convert(converter = TagsConverter.class)
    @ColumnTransformer(read = "cast(tags as text)", write = "cast(cast(? as text) as jsonb)")
    public List<String> tags;
    @Column(name = "display_order")
    public int displayOrder;
    @Column(name = "source_url")
    public String sourceUrl;
    @Enumerated(EnumType.STRING)
    public StyleImageStatus status;
    public String sha256;
    @Column(name = "seed_catalog")
    public String seedCatalog;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
