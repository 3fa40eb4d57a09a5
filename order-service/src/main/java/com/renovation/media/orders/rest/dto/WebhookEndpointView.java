package com.renovation.media.orders.rest.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.renovation.media.orders.repository.WebhookEndpoint;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An endpoint; {@code secret} only in the answer to its registration (null, left out, everywhere else). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WebhookEndpointView(UUID id, String url, List<String> events, String secret, Instant createdAt) {

    public static WebhookEndpointView created(WebhookEndpoint e) {
        return new WebhookEndpointView(e.id, e.url, List.of(e.events), e.secret, e.createdAt);
    }

    public static WebhookEndpointView of(WebhookEndpoint e) {
        return new WebhookEndpointView(e.id, e.url, List.of(e.events), null, e.createdAt);
    }
}
