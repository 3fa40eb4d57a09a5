package com.renovation.media.assets.messaging;

import com.renovation.media.assets.service.catalog.CatalogImageProjection;
import com.renovation.media.contracts.events.Channels;
import com.renovation.media.contracts.events.payload.CatalogImagePublished;
import com.renovation.media.contracts.events.payload.CatalogImageWithdrawn;
import com.renovation.media.messaging.consumer.IdempotentConsumer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Keeps the projection of the public catalog's images in step with catalog-service, for the library. */
@ApplicationScoped
public class CatalogImagesConsumer {

    private final IdempotentConsumer consumer;
    private final CatalogImageProjection projection;

    public CatalogImagesConsumer(IdempotentConsumer consumer, CatalogImageProjection projection) {
        this.consumer = consumer;
        this.projection = projection;
    }

    @Incoming(Channels.CATALOG_IMAGE_PUBLISHED)
    public Uni<Void> onPublished(Message<String> message) {
        return consumer.process(message, Channels.CATALOG_IMAGE_PUBLISHED, CatalogImagePublished.class,
                event -> projection.published(event.data()));
    }

    @Incoming(Channels.CATALOG_IMAGE_WITHDRAWN)
    public Uni<Void> onWithdrawn(Message<String> message) {
        return consumer.process(message, Channels.CATALOG_IMAGE_WITHDRAWN, CatalogImageWithdrawn.class,
                event -> projection.withdrawn(event.data()));
    }
}
