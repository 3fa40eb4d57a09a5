package com.renovation.media.contracts.events.payload;

import com.renovation.media.contracts.events.EventPayload;
import com.renovation.media.contracts.events.Topics;
import java.util.List;
import java.util.UUID;

/**
 * An order's payment succeeded: the assets it names (the owner's, in the session) become permanent if they were
 * temporary uploads. Sent once per order, whatever the provider redelivers.
 */
public record OrderPaid(UUID orderId, String number, UUID sessionId, String ownerId, List<UUID> assetIds,
        String paidAt) implements EventPayload {

    @Override
    public String topic() {
        return Topics.ORDER_PAID;
    }

    @Override
    public String subject() {
        return orderId.toString();
    }
}
