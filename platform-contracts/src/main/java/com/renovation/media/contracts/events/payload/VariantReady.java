package com.renovation.media.contracts.events.payload;

import com.renovation.media.contracts.events.EventPayload;
import com.renovation.media.contracts.events.Topics;
import java.util.UUID;

/**
 * One variant of a source image is stored. {@code expectedVariants} is how many the worker makes for this
 * source, so a consumer knows when the set is complete.
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
