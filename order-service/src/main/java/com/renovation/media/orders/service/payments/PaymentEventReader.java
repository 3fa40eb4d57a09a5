package com.renovation.media.orders.service.payments;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.renovation.media.contracts.payments.PaymentEvent;
import com.renovation.media.orders.config.PaymentsConfig;
import com.renovation.media.contracts.webhooks.WebhookSignature;
import com.renovation.media.web.problem.ApiException;
import com.renovation.media.web.problem.ProblemKind;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Turns a webhook request into a payment event only if the provider signed exactly these bytes, recently: the
 * signature is checked on the raw body before any parsing, so nothing of an unsigned or altered body is read.
 */
@ApplicationScoped
public class PaymentEventReader {

    private static final int MAX_ID_LENGTH = 255;

    private final PaymentsConfig config;
    /** The API's limits (nesting, string length), but a provider may add fields we do not know. */
    private final ObjectReader reader;

    public PaymentEventReader(PaymentsConfig config, ObjectMapper mapper) {
        this.config = config;
        this.reader = mapper.readerFor(PaymentEvent.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    public PaymentEvent read(String signatureHeader, byte[] body) {
        if (body.length > config.maxBodyBytes()) {
            throw new ApiException(ProblemKind.TOO_LARGE, "a payment event is at most " + config.maxBodyBytes()
                    + " bytes");
        }
        String text = new String(body, StandardCharsets.UTF_8);
        WebhookSignature.Verdict verdict = WebhookSignature.verify(signatureHeader, text, config.webhookSecret(),
                config.tolerance(), Instant.now());
        if (!verdict.valid()) {
            throw ApiException.invalid(WebhookSignature.PAYMENT_HEADER, switch (verdict) {
                case MISSING -> "the event is not signed";
                case MALFORMED -> "the signature header is not one this service reads";
                case STALE -> "the signature's timestamp is too far from now";
                default -> "the signature does not match the body";
            });
        }
        PaymentEvent event;
        try {
            event = reader.readValue(text);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new ApiException(ProblemKind.MALFORMED_JSON, "the body is not a payment event");
        }
        if (event == null || event.id() == null || event.id().isBlank() || event.id().length() > MAX_ID_LENGTH) {
            throw ApiException.invalid("id", "a payment event needs an id of 1 to " + MAX_ID_LENGTH + " characters");
        }
        if (event.type() == null || event.type().isBlank()) {
            throw ApiException.invalid("type", "is required");
        }
        return event;
    }
}
