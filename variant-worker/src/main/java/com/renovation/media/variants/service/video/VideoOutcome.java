package com.renovation.media.variants.service.video;

import com.renovation.media.variants.service.RenderOutcome;
import com.renovation.media.variants.service.SourceImage;
import com.renovation.media.variants.video.AcceptedVideo;

/**
 * What {@link VideoService#prepare} came to, outside any transaction; {@link VideoService#record} then commits it.
 */
public sealed interface VideoOutcome {

    /** Nothing to record: the video or its object is gone. */
    record Skipped() implements VideoOutcome {
    }

    /** The video can never be processed, for {@code reason}. */
    record Refused(SourceImage source, String reason) implements VideoOutcome {
    }

    /** Probed and accepted; its posters are uploaded, their rows, its probe event and its transcode job to commit. */
    record Accepted(RenderOutcome.Stored posters, AcceptedVideo video) implements VideoOutcome {

        public SourceImage source() {
            return posters.source();
        }
    }
}
