package com.renovation.media.orders.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An asset as asset-service announced it confirmed (asset.confirmed): what an order may name. */
@Entity
@Table(name = "order_assets")
public class OrderAsset {
    @Id
    @Column(name = "asset_id")
    public UUID assetId;
    @Column(name = "session_id")
    public UUID sessionId;
    @Column(name = "room_id")
    public UUID roomId;
    @Column(name = "owner_id")
    public String ownerId;
    @Column(name = "asset_type")
    public String assetType;
    public String bucket;
    @Column(name = "storage_path")
    public String storagePath;
    @Column(name = "content_type")
    public String contentType;
    @Column(name = "file_size")
    public long fileSize;
    @Column(name = "expires_at")
    public Instant expiresAt;
    @Column(name = "confirmed_at")
    public Instant confirmedAt;
}
