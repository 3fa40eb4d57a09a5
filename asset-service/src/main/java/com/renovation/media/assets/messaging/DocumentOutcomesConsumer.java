package com.renovation.media.assets.messaging;

import com.renovation.media.assets.service.documents.DocumentProjection;
import com.renovation.media.contracts.events.Channels;
import com.renovation.media.contracts.events.payload.DocumentFailed;
import com.renovation.media.contracts.events.payload.DocumentReady;
import com.renovation.media.messaging.consumer.IdempotentConsumer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Keeps the document projection in step with document-service: ready (with its object) or failed. */
@ApplicationScoped
public class DocumentOutcomesConsumer {

    private final IdempotentConsumer consumer;
    private final DocumentProjection projection;

    public DocumentOutcomesConsumer(IdempotentConsumer consumer, DocumentProjection projection) {
        this.consumer = consumer;
        this.projection = projection;
    }

    @Incoming(Channels.DOCUMENT_READY)
    public Uni<Void> onReady(Message<String> message) {
        return consumer.process(message, Channels.DOCUMENT_READY, DocumentReady.class,
                event -> projection.ready(event.data()));
    }

    @Incoming(Channels.DOCUMENT_FAILED)
    public Uni<Void> onFailed(Message<String> message) {
        return consumer.process(message, Channels.DOCUMENT_FAILED, DocumentFailed.class,
                event -> projection.failed(event.data()));
    }
}
