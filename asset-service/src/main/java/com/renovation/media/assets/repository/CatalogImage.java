package com.renovation.media.assets.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A public catalog image as asset-service knows it (projected from catalog-service's events). */
@Entity
@Table(name = "catalog_images")
public class CatalogImage {
    @Id
    public UUID id;
    @Column(name = "style_slug")
    public String styleSlug;
    public String title;
    @Column(name = "alt_text")
    public String altText;
    public String bucket;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<Variant> variants;
    @Column(name = "updated_at")
    public Instant updatedAt;

    /** One served variant of the image: where it is in {@link #bucket} and what it is. */
    public record Variant(String variantType, String format, String key, String contentType, Integer width,
            Integer height, Long fileSize) {
    }
}
