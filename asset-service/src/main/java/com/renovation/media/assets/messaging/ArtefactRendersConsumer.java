package com.renovation.media.assets.messaging;

import com.renovation.media.assets.service.artefacts.ArtefactRenders;
import com.renovation.media.contracts.events.Channels;
import com.renovation.media.contracts.events.payload.ArtefactRenderFailed;
import com.renovation.media.contracts.events.payload.ArtefactRendered;
import com.renovation.media.messaging.consumer.IdempotentConsumer;
import com.renovation.media.storage.layout.Buckets;
import com.renovation.media.storage.s3.ObjectStore;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Thumbnails and exports from document-service. A render that lost to a delete (its artefact, version or export
 * is gone) is deleted from S3 once the transaction that found it so has committed.
 */
@ApplicationScoped
public class ArtefactRendersConsumer {

    private static final Logger LOG = Logger.getLogger(ArtefactRendersConsumer.class);

    private final IdempotentConsumer consumer;
    private final ArtefactRenders renders;
    private final ObjectStore objects;

    public ArtefactRendersConsumer(IdempotentConsumer consumer, ArtefactRenders renders, ObjectStore objects) {
        this.consumer = consumer;
        this.renders = renders;
        this.objects = objects;
    }

    @Incoming(Channels.ARTEFACT_RENDERED)
    public Uni<Void> onRendered(Message<String> message) {
        AtomicReference<String> orphan = new AtomicReference<>();
        return consumer.process(message, Channels.ARTEFACT_RENDERED, ArtefactRendered.class,
                event -> renders.rendered(event.data()).invoke(key -> key.ifPresent(orphan::set)))
                .call(() -> orphan.get() == null ? Uni.createFrom().voidItem()
                        : objects.delete(Buckets.USER_UPLOADS, orphan.get()).onFailure().invoke(e -> LOG.warnf(
                                "render %s of a removed artefact stays: %s", orphan.get(), e.getMessage()))
                                .onFailure().recoverWithNull());
    }

    @Incoming(Channels.ARTEFACT_RENDER_FAILED)
    public Uni<Void> onFailed(Message<String> message) {
        return consumer.process(message, Channels.ARTEFACT_RENDER_FAILED, ArtefactRenderFailed.class,
                event -> renders.failed(event.data()));
    }
}
