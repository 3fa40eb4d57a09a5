package com.renovation.media.contracts.events.payload;

import com.renovation.media.contracts.events.EventPayload;
import com.renovation.media.contracts.events.Topics;
import java.util.UUID;

/** An upload passed its checks: its bytes are in S3 and may be processed. */
public record AssetConfirmed(UUID assetId, UUID sessionId, UUID roomId, String ownerId, String assetType,
        String bucket, String storagePath, String contentType, long fileSize, String sha256) implements EventPayload {

    @Override
    public String topic() {
        return Topics.ASSET_CONFIRMED;
    }

    @Override
    public String subject() {
        return assetId.toString();
    }
}
