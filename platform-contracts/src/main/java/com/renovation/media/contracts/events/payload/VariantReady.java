package com.renovation.media.contracts.events.payload;

import com.renovation.media.contracts.events.EventPayload;
import com.renovation.media.contracts.events.Topics;
import java.util.UUID;

/**
 * One variant of a source image is stored. {@code expectedVariants} is how many variants make the source ready
 * (presets × web formats), so a consumer knows when it can show it; slower formats (AVIF) follow as further
 * events with the same figure.
 */
public record VariantReady(SourceKind sourceKind, UUID sourceId, String variantType, String format, int width,
        int height, long fileSize, String bucket, String storagePath, String contentType, int expectedVariants)
        implements EventPayload {

    @Override
    public String topic() {
        return Topics.VARIANT_READY;
    }

    @Override
    public String subject() {
        return sourceId.toString();
    }
}
