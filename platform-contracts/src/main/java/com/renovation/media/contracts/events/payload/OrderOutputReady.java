package com.renovation.media.contracts.events.payload;

import com.renovation.media.contracts.events.EventPayload;
import com.renovation.media.contracts.events.Topics;
import com.renovation.media.contracts.orders.ProcessingService;
import java.util.UUID;

/**
 * A processing job's output is stored at {@code bucket}/{@code storagePath} (under its session's prefix): asset
 * service makes it asset {@code assetId} of the session, in {@code roomId}, with {@code parentAssetId} as its
 * parent and the service's output type and source, then confirms it like an upload. {@code assetId} is chosen
 * by order-service, so a redelivery names the same asset.
 */
public record OrderOutputReady(UUID assetId, UUID orderId, UUID jobId, UUID sessionId, UUID roomId, String ownerId,
        UUID parentAssetId, ProcessingService service, String bucket, String storagePath, String contentType,
        long fileSize, String sha256, String originalFilename) implements EventPayload {

    @Override
    public String topic() {
        return Topics.ORDER_OUTPUT_READY;
    }

    @Override
    public String subject() {
        return assetId.toString();
    }
}
