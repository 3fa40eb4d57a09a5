package com.renovation.media.catalog.messaging;

import com.renovation.media.catalog.service.VariantProjection;
import com.renovation.media.contracts.events.Channels;
import com.renovation.media.contracts.events.payload.SourceKind;
import com.renovation.media.contracts.events.payload.VariantFailed;
import com.renovation.media.contracts.events.payload.VariantReady;
import com.renovation.media.messaging.consumer.IdempotentConsumer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Keeps the style images' variants in step with the variant-worker. */
@ApplicationScoped
public class StyleImageVariantsConsumer {

    private final IdempotentConsumer consumer;
    private final VariantProjection projection;

    public StyleImageVariantsConsumer(IdempotentConsumer consumer, VariantProjection projection) {
        this.consumer = consumer;
        this.projection = projection;
    }

    @Incoming(Channels.VARIANT_READY)
    public Uni<Void> onReady(Message<String> message) {
        return consumer.process(message, Channels.VARIANT_READY, VariantReady.class,
                ready -> ready.sourceKind() == SourceKind.STYLE_IMAGE, event -> projection.ready(event.data()));
    }

    @Incoming(Channels.VARIANT_FAILED)
    public Uni<Void> onFailed(Message<String> message) {
        return consumer.process(message, Channels.VARIANT_FAILED, VariantFailed.class,
                failed -> failed.sourceKind() == SourceKind.STYLE_IMAGE, event -> projection.failed(event.data()));
    }
}
