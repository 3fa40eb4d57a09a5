package com.renovation.media.contracts.events.payload;

import com.renovation.media.contracts.events.EventPayload;
import com.renovation.media.contracts.events.Topics;
import java.util.UUID;

/**
 * Every job of a paid order has ended: {@code status} is completed (all succeeded), partially_failed or failed
 * (none did). {@code completedAt} is an ISO-8601 instant.
 */
public record OrderCompleted(UUID orderId, String number, UUID sessionId, String ownerId, String status,
        int jobsCompleted, int jobsFailed, String completedAt) implements EventPayload {

    @Override
    public String topic() {
        return Topics.ORDER_COMPLETED;
    }

    @Override
    public String subject() {
        return orderId.toString();
    }
}
