package com.renovation.media.contracts.predictions;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * A prediction as the provider answers it ({@code POST /v1/predictions}, {@code GET /v1/predictions/{id}}):
 * {@code output} is the URL of the result once {@code status} is succeeded, {@code error} a message once failed.
 * Times are ISO-8601 instants. Unknown fields are ignored: the provider may add some.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Prediction(String id, String version, PredictionStatus status, Map<String, Object> input,
        String output, String error, @JsonProperty("created_at") String createdAt,
        @JsonProperty("started_at") String startedAt, @JsonProperty("completed_at") String completedAt,
        Map<String, String> urls) {
}
