package com.renovation.media.events.payload;

import com.renovation.media.events.EventPayload;
import com.renovation.media.events.Topics;
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
