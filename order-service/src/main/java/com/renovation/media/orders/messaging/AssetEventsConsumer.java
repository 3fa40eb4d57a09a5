package com.renovation.media.orders.messaging;

import com.renovation.media.contracts.events.Channels;
import com.renovation.media.contracts.events.payload.AssetConfirmed;
import com.renovation.media.contracts.events.payload.AssetDeleted;
import com.renovation.media.messaging.consumer.IdempotentConsumer;
import com.renovation.media.orders.service.projection.AssetProjection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Keeps the projection of confirmed assets in step with asset-service; a deleted asset expires unpaid orders. */
@ApplicationScoped
public class AssetEventsConsumer {

    private final IdempotentConsumer consumer;
    private final AssetProjection projection;

    public AssetEventsConsumer(IdempotentConsumer consumer, AssetProjection projection) {
        this.consumer = consumer;
        this.projection = projection;
    }

    @Incoming(Channels.ASSET_CONFIRMED)
    public Uni<Void> onConfirmed(Message<String> message) {
        return consumer.process(message, Channels.ASSET_CONFIRMED, AssetConfirmed.class,
                event -> projection.confirmed(event.data()));
    }

    @Incoming(Channels.ASSET_DELETED)
    public Uni<Void> onDeleted(Message<String> message) {
        return consumer.process(message, Channels.ASSET_DELETED, AssetDeleted.class,
                event -> projection.deleted(event.data()));
    }
}
