package com.renovation.media.orders.service.webhooks;

import com.renovation.media.contracts.events.Topics;
import java.util.List;

/** The event types users may subscribe their endpoints to. */
public final class WebhookEvents {

    public static final List<String> SUBSCRIBABLE = List.of(Topics.ORDER_PAID, Topics.ORDER_OUTPUT_READY,
            Topics.ORDER_COMPLETED);

    private WebhookEvents() {
    }
}
