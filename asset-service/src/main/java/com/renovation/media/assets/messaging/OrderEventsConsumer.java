package com.renovation.media.assets.messaging;

import com.renovation.media.assets.service.orders.OrderAssets;
import com.renovation.media.contracts.events.Channels;
import com.renovation.media.contracts.events.payload.OrderOutputReady;
import com.renovation.media.contracts.events.payload.OrderPaid;
import com.renovation.media.messaging.consumer.IdempotentConsumer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** order-service's events: a paid order keeps its temporary uploads; a processing's output becomes an asset. */
@ApplicationScoped
public class OrderEventsConsumer {

    private final IdempotentConsumer consumer;
    private final OrderAssets orders;

    public OrderEventsConsumer(IdempotentConsumer consumer, OrderAssets orders) {
        this.consumer = consumer;
        this.orders = orders;
    }

    @Incoming(Channels.ORDER_PAID)
    public Uni<Void> onPaid(Message<String> message) {
        return consumer.process(message, Channels.ORDER_PAID, OrderPaid.class, event -> orders.paid(event.data()));
    }

    /**
     * The output is checked and moved in S3, so its work runs before the transaction that records the event (it is
     * safe to repeat: the asset's id is the event's); the record only keeps a redelivery from repeating it.
     */
    @Incoming(Channels.ORDER_OUTPUT_READY)
    public Uni<Void> onOutputReady(Message<String> message) {
        return consumer.process(message, Channels.ORDER_OUTPUT_READY, OrderOutputReady.class,
                event -> orders.outputReady(event.data()), (event, outcome) -> Uni.createFrom().voidItem());
    }
}
