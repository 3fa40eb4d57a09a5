package com.renovation.media.assets.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;

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
    /** The original's type and size (the catalog serves it too; a library item shows them). */
    @Column(name = "content_type")
    public String contentType;
    public Integer width;
    public Integer height;
    public String bucket;
    // JSONB array, moved as text (see the converter)
    @Convert(converter = CatalogVariantsConverter.class)
    @ColumnTransformer(read = "cast(variants as text)", write = "cast(cast(? as text) as jsonb)")
    public List<Variant> variants;
    /** The version of catalog-service's event this row is: an event of a version not above it is older. */
    public long version;
    @Column(name = "updated_at")
    public Instant updatedAt;

    /** One served variant of the image: where it is in {@link #bucket} and what it is. */
    public record Variant(String variantType, String format, String key, String contentType, Integer width,
            Integer height, Long fileSize) {
    }
}
