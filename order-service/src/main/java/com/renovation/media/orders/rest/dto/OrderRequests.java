package com.renovation.media.orders.rest.dto;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Bodies of {@code /orders}. */
public final class OrderRequests {
    private OrderRequests() {
    }

    /** A new order for photos of one session: each item names an asset and the processing bought for it. */
    public record CreateOrder(UUID sessionId, List<Item> items) {
    }

    /** {@code service}: restoration or render (a string, so an unknown one is a field error, not malformed JSON). */
    public record Item(UUID assetId, String service, Map<String, Object> options) {
    }
}
