package com.renovation.media.contracts.events.payload;

import com.renovation.media.contracts.events.EventPayload;
import com.renovation.media.contracts.events.Topics;
import java.util.UUID;

/** A style image was stored in the public catalog and wants its variants. */
public record CatalogImageAdded(UUID imageId, String styleSlug, String bucket, String storagePath,
        String contentType) implements EventPayload {

    @Override
    public String topic() {
        return Topics.CATALOG_IMAGE_ADDED;
    }

    @Override
    public String subject() {
        return imageId.toString();
    }
}
