package com.renovation.media.contracts.events.payload;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.renovation.media.contracts.events.EventPayload;
import com.renovation.media.contracts.events.Topics;
import java.util.UUID;

/**
 * A confirmed video was probed and accepted for processing: its playing time, its displayed size (rotation
 * applied) and its codecs. {@code audioCodec} is null for a silent video. Its poster variants and its web MP4
 * follow as {@code variant.ready} events.
 */
public record VideoProbed(UUID assetId, double durationSeconds, int width, int height, String videoCodec,
        @JsonInclude(JsonInclude.Include.NON_NULL) String audioCodec) implements EventPayload {

    @Override
    public String topic() {
        return Topics.VIDEO_PROBED;
    }

    @Override
    public String subject() {
        return assetId.toString();
    }
}
