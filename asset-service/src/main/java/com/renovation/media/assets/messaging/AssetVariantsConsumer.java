package com.renovation.media.assets.messaging;

import com.renovation.media.assets.service.projections.VariantProjection;
import com.renovation.media.contracts.events.Channels;
import com.renovation.media.contracts.events.payload.SourceKind;
import com.renovation.media.contracts.events.payload.VariantFailed;
import com.renovation.media.contracts.events.payload.VariantReady;
import com.renovation.media.messaging.consumer.IdempotentConsumer;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Keeps the asset projection in step with the variant-worker: variants appear, the asset becomes ready. */
@ApplicationScoped
public class AssetVariantsConsumer {

    private final IdempotentConsumer consumer;
    private final VariantProjection projection;

    public AssetVariantsConsumer(IdempotentConsumer consumer, VariantProjection projection) {
        this.consumer = consumer;
        this.projection = projection;
    }

    /**
     * A source's variants come in a burst (the worker records and announces them together), polled as one batch
     * ({@code batch=true}): one transaction for all of them, so the asset is ready one commit after the last.
     */
    @Incoming(Channels.VARIANT_READY)
    public Uni<Void> onReady(KafkaRecordBatch<String, String> batch) {
        return consumer.processBatch(batch.getRecords(), Channels.VARIANT_READY, VariantReady.class,
                ready -> ready.sourceKind() == SourceKind.ROOM_ASSET, event -> projection.ready(event.data()));
    }

    @Incoming(Channels.VARIANT_FAILED)
    public Uni<Void> onFailed(Message<String> message) {
        return consumer.process(message, Channels.VARIANT_FAILED, VariantFailed.class,
                failed -> failed.sourceKind() == SourceKind.ROOM_ASSET, event -> projection.failed(event.data()));
    }
}
