package com.renovation.media.assets.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Something a user kept for good: one of their assets or a public catalog image (exactly one of the two). */
@Entity
@Table(name = "library_items")
public class LibraryItem {
    @Id
    public UUID id;
    @Column(name = "owner_id")
    public String ownerId;
    @Column(name = "asset_id")
    public UUID assetId;
    @Column(name = "style_image_id")
    public UUID styleImageId;
    @Column(name = "custom_title")
    public String customTitle;
    public String[] tags;
    public boolean favourite;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    public LibraryItemKind kind() {
        return assetId != null ? LibraryItemKind.ASSET : LibraryItemKind.STYLE_IMAGE;
    }
}
