package com.renovation.media.contracts.events.payload;

import com.renovation.media.contracts.events.EventPayload;
import com.renovation.media.contracts.events.Topics;
import java.util.List;
import java.util.UUID;

/**
 * A style image is public, as the catalog serves it now: its title, the original's type and size, and every
 * variant it serves with the object key in {@code bucket} (a consumer signs its own URLs of them). Sent again,
 * whole, whenever any of it changes; {@code version} grows with each of the image's published and withdrawn
 * events, so a consumer keeps the highest it has seen and ignores older ones arriving late.
 */
public record CatalogImagePublished(UUID styleImageId, long version, String styleSlug, String title, String altText,
        String contentType, Integer width, Integer height, String bucket, List<Variant> variants)
        implements EventPayload {

    /** One served variant: what it is and where it lies in the image's bucket. */
    public record Variant(String variantType, String format, String key, String contentType, Integer width,
            Integer height, Long fileSize) {
    }

    @Override
    public String topic() {
        return Topics.CATALOG_IMAGE_PUBLISHED;
    }

    @Override
    public String subject() {
        return styleImageId.toString();
    }
}
