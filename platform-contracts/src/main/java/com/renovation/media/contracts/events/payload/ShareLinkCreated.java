package com.renovation.media.contracts.events.payload;

import com.renovation.media.contracts.events.EventPayload;
import com.renovation.media.contracts.events.Topics;
import java.util.UUID;

/**
 * An owner made a share or download link (kind single, zip or share) to {@code targetCount} assets; for the
 * owner's notification. The link's token is never in an event: it was shown once, to its maker.
 */
public record ShareLinkCreated(UUID linkId, String ownerId, String kind, int targetCount, int maxDownloads,
        String expiresAt, String createdAt) implements EventPayload {

    @Override
    public String topic() {
        return Topics.SHARE_LINK_CREATED;
    }

    @Override
    public String subject() {
        return linkId.toString();
    }
}
