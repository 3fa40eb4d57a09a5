package com.renovation.media.contracts.predictions;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * {@code POST /v1/predictions} of the processing provider's Replicate-style API: {@code version} names the model
 * (a {@link com.renovation.media.contracts.orders.ProcessingService} value), {@code input.image} a URL the
 * provider fetches the image from; other input entries are the item's options. The request carries an
 * {@code Idempotency-Key} header: the same key answers the same prediction, never a second run.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PredictionRequest(String version, Map<String, Object> input, String webhook) {
    public static final String IDEMPOTENCY_HEADER = "Idempotency-Key";
}
