package com.renovation.media.contracts.events.payload;

import com.renovation.media.contracts.events.EventPayload;
import com.renovation.media.contracts.events.Topics;
import java.util.UUID;

/**
 * A style image is no longer public (it was deleted, alone or with its style). {@code version} continues the
 * image's {@link CatalogImagePublished} versions: a published event of a lower one is older than the withdrawal.
 */
public record CatalogImageWithdrawn(UUID styleImageId, long version) implements EventPayload {

    @Override
    public String topic() {
        return Topics.CATALOG_IMAGE_WITHDRAWN;
    }

    @Override
    public String subject() {
        return styleImageId.toString();
    }
}
