package com.renovation.media.catalog.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A design style of the catalog (e.g. modern-minimalist), addressed by its slug. */
@Entity
@Table(name = "styles")
public class Style {
    @Id
    public UUID id;
    public String slug;
    public String name;
    public String description;
    @Column(name = "display_order")
    public int displayOrder;
    @Column(name = "seed_catalog")
    public String seedCatalog;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
