package com.renovation.media.assets.messaging;

import com.renovation.media.assets.service.catalog.CatalogStyleProjection;
import com.renovation.media.contracts.events.Channels;
import com.renovation.media.contracts.events.payload.CatalogStyleChanged;
import com.renovation.media.messaging.consumer.IdempotentConsumer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Keeps the projection of the catalog's styles in step with catalog-service, for the styleApplied check. */
@ApplicationScoped
public class CatalogStylesConsumer {

    private final IdempotentConsumer consumer;
    private final CatalogStyleProjection projection;

    public CatalogStylesConsumer(IdempotentConsumer consumer, CatalogStyleProjection projection) {
        this.consumer = consumer;
        this.projection = projection;
    }

    @Incoming(Channels.CATALOG_STYLE_CHANGED)
    public Uni<Void> onChanged(Message<String> message) {
        return consumer.process(message, Channels.CATALOG_STYLE_CHANGED, CatalogStyleChanged.class,
                event -> projection.changed(event.data()));
    }
}
