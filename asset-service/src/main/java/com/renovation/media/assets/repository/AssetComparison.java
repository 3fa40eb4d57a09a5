package com.renovation.media.assets.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A before/after pair of assets in one room (seed 001 Decision 5). */
@Entity
@Table(name = "asset_comparisons")
public class AssetComparison {
    @Id
    public UUID id;
    @Column(name = "session_id")
    public UUID sessionId;
    @Column(name = "room_id")
    public UUID roomId;
    @Column(name = "before_asset_id")
    public UUID beforeAssetId;
    @Column(name = "after_asset_id")
    public UUID afterAssetId;
    public String title;
    public String description;
    @Column(name = "display_order")
    public int displayOrder;
    @Column(name = "created_at")
    public Instant createdAt;
}
