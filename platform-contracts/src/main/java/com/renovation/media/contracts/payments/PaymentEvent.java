package com.renovation.media.contracts.payments;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.renovation.media.contracts.documents.DecimalText;
import java.math.BigDecimal;
import java.util.UUID;

/**
 * One event of the payment provider, as {@code POST /webhooks/payments} receives it (signed with
 * {@link com.renovation.media.contracts.webhooks.WebhookSignature}). {@code id} is unique per event and makes
 * redelivery harmless; {@code created} is unix seconds; {@code type} stays a string so an unknown type is
 * acknowledged rather than refused.
 */
public record PaymentEvent(String id, String type, long created, Data data) {

    /** The order paid (or refunded), the amount and currency the provider took and its own payment id. */
    public record Data(UUID orderId, @JsonSerialize(using = DecimalText.class) BigDecimal amount, String currency,
            String paymentId) {
    }
}
