package com.renovation.media.assets.messaging;

import com.renovation.media.assets.service.projections.VideoProjection;
import com.renovation.media.contracts.events.Channels;
import com.renovation.media.contracts.events.payload.VideoProbed;
import com.renovation.media.contracts.events.payload.VideoProgress;
import com.renovation.media.messaging.consumer.IdempotentConsumer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Keeps a video asset in step with the video worker: what its probe found, then how far its web MP4 has come. Its
 * poster frames and the MP4 itself arrive as variant events ({@link AssetVariantsConsumer}).
 */
@ApplicationScoped
public class VideoEventsConsumer {

    private final IdempotentConsumer consumer;
    private final VideoProjection projection;

    public VideoEventsConsumer(IdempotentConsumer consumer, VideoProjection projection) {
        this.consumer = consumer;
        this.projection = projection;
    }

    @Incoming(Channels.VIDEO_PROBED)
    public Uni<Void> onProbed(Message<String> message) {
        return consumer.process(message, Channels.VIDEO_PROBED, VideoProbed.class,
                event -> projection.probed(event.data()));
    }

    @Incoming(Channels.VIDEO_PROGRESS)
    public Uni<Void> onProgress(Message<String> message) {
        return consumer.process(message, Channels.VIDEO_PROGRESS, VideoProgress.class,
                event -> projection.progress(event.data()));
    }
}
