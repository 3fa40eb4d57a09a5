package com.renovation.media.variants.messaging;

import com.renovation.media.contracts.events.Channels;
import com.renovation.media.contracts.events.payload.AssetConfirmed;
import com.renovation.media.contracts.events.payload.AssetDeleted;
import com.renovation.media.contracts.events.payload.CatalogImageAdded;
import com.renovation.media.contracts.events.payload.SessionDeleted;
import com.renovation.media.messaging.consumer.IdempotentConsumer;
import com.renovation.media.variants.service.SourceImage;
import com.renovation.media.variants.service.SourceKeys;
import com.renovation.media.variants.service.VariantService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** What makes or removes variants: confirmed uploads and catalog images in; deleted assets and sessions out. */
@ApplicationScoped
public class SourceEventsConsumer {

    private final IdempotentConsumer consumer;
    private final VariantService service;
    private final SourceKeys keys;

    public SourceEventsConsumer(IdempotentConsumer consumer, VariantService service, SourceKeys keys) {
        this.consumer = consumer;
        this.service = service;
        this.keys = keys;
    }

    @Incoming(Channels.ASSET_CONFIRMED)
    public Uni<Void> onAssetConfirmed(Message<String> message) {
        return consumer.process(message, Channels.ASSET_CONFIRMED, AssetConfirmed.class, event -> {
            keys.check(event.data());
            return service.make(SourceImage.of(event.data()));
        });
    }

    @Incoming(Channels.CATALOG_IMAGE_ADDED)
    public Uni<Void> onCatalogImageAdded(Message<String> message) {
        return consumer.process(message, Channels.CATALOG_IMAGE_ADDED, CatalogImageAdded.class, event -> {
            keys.check(event.data());
            return service.make(SourceImage.of(event.data()));
        });
    }

    @Incoming(Channels.ASSET_DELETED)
    public Uni<Void> onAssetDeleted(Message<String> message) {
        return consumer.process(message, Channels.ASSET_DELETED, AssetDeleted.class, event -> {
            AssetDeleted deleted = event.data();
            keys.check(deleted);
            String original = deleted.storagePaths() == null || deleted.storagePaths().isEmpty() ? null
                    : deleted.storagePaths().get(0);
            return service.removeSource(deleted.assetId(), deleted.bucket(), original);
        });
    }

    @Incoming(Channels.SESSION_DELETED)
    public Uni<Void> onSessionDeleted(Message<String> message) {
        return consumer.process(message, Channels.SESSION_DELETED, SessionDeleted.class,
                event -> service.removeSession(event.data().sessionId()));
    }
}
