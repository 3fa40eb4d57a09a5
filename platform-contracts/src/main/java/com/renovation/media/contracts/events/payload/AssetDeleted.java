package com.renovation.media.contracts.events.payload;

import com.renovation.media.contracts.events.EventPayload;
import com.renovation.media.contracts.events.Topics;
import java.util.List;
import java.util.UUID;

/** An asset was hard-deleted; its storage paths (original and variants) are listed for the record. */
public record AssetDeleted(UUID assetId, UUID sessionId, UUID roomId, String bucket, List<String> storagePaths)
        implements EventPayload {

    @Override
    public String topic() {
        return Topics.ASSET_DELETED;
    }

    @Override
    public String subject() {
        return assetId.toString();
    }
}
