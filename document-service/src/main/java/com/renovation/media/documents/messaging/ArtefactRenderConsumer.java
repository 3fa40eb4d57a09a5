package com.renovation.media.documents.messaging;

import com.renovation.media.contracts.events.Channels;
import com.renovation.media.contracts.events.Event;
import com.renovation.media.contracts.events.payload.ArtefactExportRequested;
import com.renovation.media.contracts.events.payload.ArtefactVersionCreated;
import com.renovation.media.documents.service.ArtefactJob;
import com.renovation.media.documents.service.ArtefactRendering;
import com.renovation.media.messaging.consumer.IdempotentConsumer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * artefact.version.created makes the version's thumbnail, artefact.export.requested one export. The picture is
 * read, drawn and stored before the consumer's transaction, which only announces it (outbox), so no
 * transaction waits on S3 or on drawing; each channel draws one picture at a time.
 */
@ApplicationScoped
public class ArtefactRenderConsumer {

    private static final Logger LOG = Logger.getLogger(ArtefactRenderConsumer.class);

    private final IdempotentConsumer consumer;
    private final ArtefactRendering rendering;

    public ArtefactRenderConsumer(IdempotentConsumer consumer, ArtefactRendering rendering) {
        this.consumer = consumer;
        this.rendering = rendering;
    }

    @Incoming(Channels.ARTEFACT_VERSION_CREATED)
    public Uni<Void> onVersionCreated(Message<String> message) {
        return render(message, Channels.ARTEFACT_VERSION_CREATED, ArtefactVersionCreated.class, ArtefactJob::thumbnail);
    }

    @Incoming(Channels.ARTEFACT_EXPORT_REQUESTED)
    public Uni<Void> onExportRequested(Message<String> message) {
        return render(message, Channels.ARTEFACT_EXPORT_REQUESTED, ArtefactExportRequested.class, ArtefactJob::export);
    }

    /** A picture whose session was erased while it was drawn is removed once the transaction has committed. */
    private <T> Uni<Void> render(Message<String> message, String channel, Class<T> type,
            Function<Event<T>, ArtefactJob> job) {
        AtomicReference<ArtefactRendering.Outcome> unannounced = new AtomicReference<>();
        return consumer.process(message, channel, type,
                        event -> rendering.render(job.apply(event)),
                        (event, outcome) -> rendering.announce(outcome)
                                .invoke(announced -> unannounced.set(announced ? null : outcome)))
                .call(() -> unannounced.get() == null ? Uni.createFrom().voidItem()
                        : rendering.discard(unannounced.get())
                                .onFailure().invoke(e -> LOG.warnf("unannounced picture not removed: %s",
                                        e.getMessage()))
                                .onFailure().recoverWithNull());
    }
}
