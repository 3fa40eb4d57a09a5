package com.renovation.media.standin;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.renovation.media.contracts.predictions.Prediction;
import com.renovation.media.contracts.predictions.PredictionStatus;
import java.util.Map;

/**
 * A prediction as the stand-in keeps it on disk: the API's fields plus the idempotency key it was created with
 * and whether it was told to fail (decided at creation, so a restart does not change the outcome).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record StoredPrediction(String id, String version, String idempotencyKey, Map<String, Object> input,
        PredictionStatus status, String error, boolean hasOutput, boolean toFail, boolean cancelRequested,
        String createdAt, String startedAt, String completedAt) {

    StoredPrediction with(PredictionStatus newStatus) {
        return new StoredPrediction(id, version, idempotencyKey, input, newStatus, error, hasOutput, toFail,
                cancelRequested, createdAt, startedAt, completedAt);
    }

    StoredPrediction started(String at) {
        return new StoredPrediction(id, version, idempotencyKey, input, PredictionStatus.PROCESSING, error, hasOutput,
                toFail, cancelRequested, createdAt, startedAt == null ? at : startedAt, completedAt);
    }

    StoredPrediction ended(PredictionStatus end, String errorMessage, boolean output, String at) {
        return new StoredPrediction(id, version, idempotencyKey, input, end, errorMessage, output, toFail,
                cancelRequested, createdAt, startedAt == null ? at : startedAt, at);
    }

    StoredPrediction cancelling() {
        return new StoredPrediction(id, version, idempotencyKey, input, status, error, hasOutput, toFail, true,
                createdAt, startedAt, completedAt);
    }

    String outputFile() {
        return id + ".jpg";
    }

    /** The API's view; {@code base} is the origin output and self URLs start with. */
    Prediction view(String base) {
        return new Prediction(id, version, status, input, hasOutput ? base + "/outputs/" + outputFile() : null, error,
                createdAt, startedAt, completedAt, Map.of("get", base + "/v1/predictions/" + id,
                        "cancel", base + "/v1/predictions/" + id + "/cancel"));
    }
}
