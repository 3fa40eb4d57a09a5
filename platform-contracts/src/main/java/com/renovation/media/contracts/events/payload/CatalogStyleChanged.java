package com.renovation.media.contracts.events.payload;

import com.renovation.media.contracts.events.EventPayload;
import com.renovation.media.contracts.events.Topics;
import java.util.UUID;

/**
 * A catalog style was created, renamed or deleted ({@code deleted}). {@code version} numbers the style's events
 * in the order they were made, so a consumer applies the newest and ignores one arriving late.
 */
public record CatalogStyleChanged(UUID styleId, String slug, String name, long version, boolean deleted)
        implements EventPayload {

    @Override
    public String topic() {
        return Topics.CATALOG_STYLE_CHANGED;
    }

    @Override
    public String subject() {
        return styleId.toString();
    }
}
