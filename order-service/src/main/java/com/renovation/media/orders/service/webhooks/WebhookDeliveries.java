package com.renovation.media.orders.service.webhooks;

import com.renovation.media.contracts.events.Event;
import com.renovation.media.orders.config.WebhookConfig;
import com.renovation.media.orders.repository.WebhookDeliveryRepository;
import com.renovation.media.orders.rest.dto.WebhookDeliveryView;
import com.renovation.media.web.paging.Page;
import com.renovation.media.web.paging.SortKey;
import com.renovation.media.web.security.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Queuing an event's deliveries to the subscribed endpoints, and the caller's delivery log. */
@ApplicationScoped
public class WebhookDeliveries {

    private final WebhookDeliveryRepository deliveries;
    private final WebhookConfig config;

    public WebhookDeliveries(WebhookDeliveryRepository deliveries, WebhookConfig config) {
        this.deliveries = deliveries;
        this.config = config;
    }

    /**
     * In the consumer's transaction: a pending delivery of {@code json} (the event as received) to each of the
     * owner's endpoints subscribed to its type, at most one per endpoint and event id.
     */
    public Uni<Integer> queue(Event<?> event, String ownerId, String json) {
        if (ownerId == null || !WebhookEvents.SUBSCRIBABLE.contains(event.type())) {
            return Uni.createFrom().item(0);
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return deliveries.addForSubscribers(ownerId, event.type(), event.id(), json, now,
                now.plus(config.retryWindow()));
    }

    /** Deliveries to the caller's endpoints (also those since deleted), newest first. */
    @WithSession
    public Uni<Page<WebhookDeliveryView>> list(Caller caller, String cursor, int limit) {
        return deliveries.pageOfOwner(caller.userId(), SortKey.decode(cursor), limit + 1)
                .map(rows -> Page.of(rows, limit, d -> new SortKey(0, d.createdAt, d.id).encode(),
                        WebhookDeliveryView::of));
    }
}
