package com.renovation.media.contracts.events.payload;

import com.renovation.media.contracts.events.EventPayload;
import com.renovation.media.contracts.events.Topics;
import java.util.UUID;

/** A variant (or, with variantType "all", the whole set) of a source image could not be made. */
public record VariantFailed(SourceKind sourceKind, UUID sourceId, String variantType, String format, String error,
        int attempts) implements EventPayload {

    @Override
    public String topic() {
        return Topics.VARIANT_FAILED;
    }

    @Override
    public String subject() {
        return sourceId.toString();
    }
}
