package com.renovation.media.orders.rest.dto;

import com.renovation.media.orders.repository.PaymentEventOutcome;

/** What the payment provider is told of a signed event: received, and what it did (a redelivery: the first's). */
public record PaymentWebhookAnswer(boolean received, PaymentEventOutcome outcome) {

    public static PaymentWebhookAnswer of(PaymentEventOutcome outcome) {
        return new PaymentWebhookAnswer(true, outcome);
    }
}
