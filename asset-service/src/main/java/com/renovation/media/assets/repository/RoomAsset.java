package com.renovation.media.assets.repository;

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

/** A user's file in a room (seed 001 room_assets, plus checksum, dimensions and confirmation time). */
@Entity
@Table(name = "room_assets")
public class RoomAsset {
    @Id
    public UUID id;
    @Column(name = "session_id")
    public UUID sessionId;
    /** The session's owner, filled in by the database on insert (the usage counters need it after a cascade). */
    @Column(name = "owner_id", insertable = false, updatable = false)
    public String ownerId;
    @Column(name = "room_id")
    public UUID roomId;
    @Column(name = "uploaded_by")
    public String uploadedBy;
    @Column(name = "asset_type")
    public String assetType;
    @Column(name = "storage_path")
    public String storagePath;
    public String source;
    @Enumerated(EnumType.STRING)
    public AssetStatus status;
    @Column(name = "original_filename")
    public String originalFilename;
    @Column(name = "content_type")
    public String contentType;
    @Column(name = "file_size")
    public long fileSize;
    @Column(name = "display_order")
    public int displayOrder;
    public String caption;
    @Column(name = "alt_text")
    public String altText;
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> metadata;
    public String sha256;
    /** The SHA-256 the client declared for its upload, if it did. */
    @Column(name = "declared_sha256")
    public String declaredSha256;
    /** The S3 multipart upload of a pending upload sent in parts (null for one PUT, or until S3 started it). */
    @Column(name = "multipart_upload_id")
    public String multipartUploadId;
    /**
     * An upload in parts S3 assembles at {@link #storagePath} (every one requested since V21); false: at the incoming
     * key, as one PUT and the uploads in parts started before.
     */
    @Column(name = "parts_at_own_key")
    public boolean partsAtOwnKey;
    /** For an upload sent in parts: the size of every part but the last. */
    @Column(name = "part_size")
    public Long partSize;
    /** The SHA-256 (hex) the client declared for each part, in part order; null when it declared none. */
    @Column(name = "part_sha256s")
    public String[] partSha256s;
    public Integer width;
    public Integer height;
    @Column(name = "failure_reason")
    public String failureReason;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    /**
     * Set while the asset sits unsaved in its owner's workspace, or while a temporary upload waits for its order to
     * be paid: the expiry job removes it then.
     */
    @Column(name = "expires_at")
    public Instant expiresAt;
    @Column(name = "confirmed_at")
    public Instant confirmedAt;
    /** A video's playing time, as its probe found it (null until probed, and for other types). */
    @Column(name = "duration_seconds")
    public Double durationSeconds;
    /** A video's codecs as ffprobe names them (h264, vp9, aac, opus…); no audio codec for a silent video. */
    @Column(name = "video_codec")
    public String videoCodec;
    @Column(name = "audio_codec")
    public String audioCodec;
    /** How far a video's web MP4 has come, 0–100 (100 once the asset is ready); null for other types. */
    @Column(name = "processing_progress")
    public Integer processingProgress;
    /** The original a paid processing's output was made from; null for uploads, or once the original is gone. */
    @Column(name = "parent_asset_id")
    public UUID parentAssetId;
}
