package com.renovation.media.contracts.events.payload;

import com.renovation.media.contracts.events.EventPayload;
import com.renovation.media.contracts.events.Topics;
import java.util.UUID;

/**
 * How far the web MP4 of a video has come, 0–100: published in steps while it is made (never backwards for one
 * attempt; a retried attempt starts again), so a client can show a percentage on the {@code processing} asset.
 */
public record VideoProgress(UUID assetId, int percent) implements EventPayload {

    @Override
    public String topic() {
        return Topics.VIDEO_PROGRESS;
    }

    @Override
    public String subject() {
        return assetId.toString();
    }
}
