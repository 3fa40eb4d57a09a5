package com.renovation.media.contracts.events.payload;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.renovation.media.contracts.events.EventPayload;
import com.renovation.media.contracts.events.Topics;
import java.util.List;
import java.util.UUID;

/**
 * An upload passed its checks: its bytes are in S3 and may be processed. {@code variantFormats} are the formats
 * the owner's plan allows (jpeg, webp, avif); null, as in events written before plans existed, means whatever
 * the variant worker is configured to make. {@code expiresAt} (ISO-8601) is set on a temporary upload, one made
 * for an order not yet paid: it is erased then unless the order is paid first (null: permanent).
 */
public record AssetConfirmed(UUID assetId, UUID sessionId, UUID roomId, String ownerId, String assetType,
        String bucket, String storagePath, String contentType, long fileSize, String sha256,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<String> variantFormats,
        @JsonInclude(JsonInclude.Include.NON_NULL) String expiresAt) implements EventPayload {

    /** A permanent upload. */
    public AssetConfirmed(UUID assetId, UUID sessionId, UUID roomId, String ownerId, String assetType, String bucket,
            String storagePath, String contentType, long fileSize, String sha256, List<String> variantFormats) {
        this(assetId, sessionId, roomId, ownerId, assetType, bucket, storagePath, contentType, fileSize, sha256,
                variantFormats, null);
    }

    /** Without a plan's formats: the worker makes its configured ones. */
    public AssetConfirmed(UUID assetId, UUID sessionId, UUID roomId, String ownerId, String assetType, String bucket,
            String storagePath, String contentType, long fileSize, String sha256) {
        this(assetId, sessionId, roomId, ownerId, assetType, bucket, storagePath, contentType, fileSize, sha256, null,
                null);
    }

    @Override
    public String topic() {
        return Topics.ASSET_CONFIRMED;
    }

    @Override
    public String subject() {
        return assetId.toString();
    }
}
