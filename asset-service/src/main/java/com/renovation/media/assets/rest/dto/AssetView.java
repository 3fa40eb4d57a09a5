package com.renovation.media.assets.rest.dto;

import com.renovation.media.assets.repository.AssetStatus;
import com.renovation.media.assets.repository.RoomAsset;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An asset as clients see it, with a signed download URL once its bytes are in; {@code expiresAt} is set while it
 * sits unsaved in the workspace or is a temporary upload whose order is not paid yet (null: permanent);
 * {@code parentAssetId} names the original a paid processing's output was made from. A video carries what its
 * probe found ({@code durationSeconds}, {@code videoCodec}, {@code audioCodec}, null until probed; no audio codec
 * for a silent one) and, while its web MP4 is made, {@code processingProgress} (0–100; 100 once ready); these are
 * null for every other type. Its variants are poster frames (as a photo's) and the web MP4 ({@code web}, {@code mp4}).
 */
public record AssetView(UUID id, UUID sessionId, UUID roomId, String assetType, String source, AssetStatus status,
        String originalFilename, String contentType, long fileSize, Integer width, Integer height, String sha256,
        String storagePath, String caption, String altText, int displayOrder, Map<String, Object> metadata,
        String downloadUrl, Instant downloadUrlExpiresAt, List<VariantView> variants, String failureReason,
        Instant createdAt, Instant updatedAt, Instant confirmedAt, Instant expiresAt, UUID parentAssetId,
        Double durationSeconds, String videoCodec, String audioCodec, Integer processingProgress) {

    public static AssetView of(RoomAsset a, String downloadUrl, Instant downloadUrlExpiresAt,
            List<VariantView> variants) {
        return new AssetView(a.id, a.sessionId, a.roomId, a.assetType, a.source, a.status, a.originalFilename,
                a.contentType, a.fileSize, a.width, a.height, a.sha256, a.storagePath, a.caption, a.altText,
                a.displayOrder, a.metadata == null ? Map.of() : a.metadata, downloadUrl, downloadUrlExpiresAt,
                variants, a.failureReason, a.createdAt, a.updatedAt, a.confirmedAt, a.expiresAt, a.parentAssetId,
                a.durationSeconds, a.videoCodec, a.audioCodec, a.processingProgress);
    }

    /** One ready variant with its own signed URL. */
    public record VariantView(String variantType, String format, Integer width, Integer height, Long fileSize,
            String contentType, String url) {
    }
}
