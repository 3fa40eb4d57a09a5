package com.renovation.media.assets.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A catalog style as asset-service knows it (projected from {@code catalog.style.changed}). */
@Entity
@Table(name = "catalog_styles")
public class CatalogStyle {
    @Id
    public UUID id;
    public String slug;
    public String name;
    /** The version of the catalog's event this row is: an event of a version not above it is older. */
    public long version;
    /** Kept after the style's deletion, so an older event cannot bring it back. */
    public boolean deleted;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
