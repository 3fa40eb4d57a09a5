package com.renovation.media.orders.rest.dto;

import java.util.List;

/** {@code POST /webhooks/endpoints}: where to deliver and which event types. */
public record WebhookEndpointRequest(String url, List<String> events) {
}
