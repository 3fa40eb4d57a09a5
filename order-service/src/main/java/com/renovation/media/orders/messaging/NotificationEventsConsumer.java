package com.renovation.media.orders.messaging;

import com.renovation.media.contracts.events.Channels;
import com.renovation.media.contracts.events.payload.OrderCompleted;
import com.renovation.media.contracts.events.payload.OrderOutputReady;
import com.renovation.media.contracts.events.payload.OrderPaid;
import com.renovation.media.contracts.events.payload.SessionExpiring;
import com.renovation.media.contracts.events.payload.ShareLinkCreated;
import com.renovation.media.messaging.consumer.IdempotentConsumer;
import com.renovation.media.orders.service.notifications.NotificationQueue;
import com.renovation.media.orders.service.webhooks.WebhookDeliveries;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Feeds the mail queue and the users' webhook deliveries from events, each event once (the queued rows and the
 * record of the event id commit together; the rows' own unique keys make a re-sent event harmless too).
 * Webhook payloads are the event's JSON exactly as it came off the topic.
 */
@ApplicationScoped
public class NotificationEventsConsumer {

    private final IdempotentConsumer consumer;
    private final NotificationQueue mails;
    private final WebhookDeliveries webhooks;

    public NotificationEventsConsumer(IdempotentConsumer consumer, NotificationQueue mails,
            WebhookDeliveries webhooks) {
        this.consumer = consumer;
        this.mails = mails;
        this.webhooks = webhooks;
    }

    @Incoming(Channels.ORDER_PAID)
    public Uni<Void> onOrderPaid(Message<String> message) {
        return consumer.process(message, Channels.ORDER_PAID, OrderPaid.class, event -> mails.orderPaid(event.data())
                .chain(() -> webhooks.queue(event, event.data().ownerId(), message.getPayload())));
    }

    @Incoming(Channels.ORDER_OUTPUT_READY)
    public Uni<Void> onOrderOutputReady(Message<String> message) {
        return consumer.process(message, Channels.ORDER_OUTPUT_READY, OrderOutputReady.class,
                event -> webhooks.queue(event, event.data().ownerId(), message.getPayload()));
    }

    @Incoming(Channels.ORDER_COMPLETED)
    public Uni<Void> onOrderCompleted(Message<String> message) {
        return consumer.process(message, Channels.ORDER_COMPLETED, OrderCompleted.class,
                event -> mails.orderCompleted(event.data())
                        .chain(() -> webhooks.queue(event, event.data().ownerId(), message.getPayload())));
    }

    @Incoming(Channels.SESSION_EXPIRING)
    public Uni<Void> onSessionExpiring(Message<String> message) {
        return consumer.process(message, Channels.SESSION_EXPIRING, SessionExpiring.class,
                event -> mails.sessionExpiring(event.data()));
    }

    @Incoming(Channels.SHARE_LINK_CREATED)
    public Uni<Void> onShareLinkCreated(Message<String> message) {
        return consumer.process(message, Channels.SHARE_LINK_CREATED, ShareLinkCreated.class,
                event -> mails.shareLinkCreated(event.data()));
    }
}
