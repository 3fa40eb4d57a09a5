package com.renovation.media.orders.messaging;

import com.renovation.media.contracts.events.Channels;
import com.renovation.media.contracts.events.payload.SessionDeleted;
import com.renovation.media.messaging.consumer.IdempotentConsumer;
import com.renovation.media.orders.service.projection.AssetProjection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** An erased session takes its assets out of the projection, expires its unpaid orders and cancels its jobs. */
@ApplicationScoped
public class SessionEventsConsumer {

    private final IdempotentConsumer consumer;
    private final AssetProjection projection;

    public SessionEventsConsumer(IdempotentConsumer consumer, AssetProjection projection) {
        this.consumer = consumer;
        this.projection = projection;
    }

    @Incoming(Channels.SESSION_DELETED)
    public Uni<Void> onDeleted(Message<String> message) {
        return consumer.process(message, Channels.SESSION_DELETED, SessionDeleted.class,
                event -> projection.sessionDeleted(event.data()));
    }
}
