package com.renovation.media.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.renovation.media.contracts.payments.PaymentEventType;
import com.renovation.media.contracts.webhooks.WebhookSignature;
import com.renovation.media.contracts.webhooks.WebhookSignature.Verdict;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What {@code ./platform pay} sends must be what order-service's webhook verifies: the contract's verifier says. */
class LocalPaymentTest {

    private static final String SECRET = "whsec_local_test";
    private static final UUID ORDER = UUID.fromString("0b9f4c52-8d52-4c1f-9a57-2f7f1d9c0e11");
    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

    @Test
    void theSignedBodyVerifiesWithTheSecretAndCarriesTheOrdersAmount() throws Exception {
        LocalPayment.SignedEvent signed = LocalPayment.sign(LocalPayment.event(PaymentEventType.PAYMENT_SUCCEEDED,
                ORDER, new BigDecimal("17.64"), "EUR", NOW), SECRET, NOW);

        assertThat(WebhookSignature.verify(signed.signature(), signed.body(), SECRET,
                WebhookSignature.DEFAULT_TOLERANCE, NOW.plusSeconds(30))).isEqualTo(Verdict.VALID);
        JsonNode json = new ObjectMapper().readTree(signed.body());
        assertThat(json.path("type").asText()).isEqualTo("payment_succeeded");
        assertThat(json.path("created").asLong()).isEqualTo(NOW.getEpochSecond());
        assertThat(json.path("id").asText()).startsWith("evt_local_");
        JsonNode data = json.path("data");
        assertThat(data.path("orderId").asText()).isEqualTo(ORDER.toString());
        // a decimal string, exactly the order's total (a float would not compare equal to it)
        assertThat(data.path("amount").isTextual()).isTrue();
        assertThat(data.path("amount").asText()).isEqualTo("17.64");
        assertThat(data.path("currency").asText()).isEqualTo("EUR");
        assertThat(data.path("paymentId").asText()).isEqualTo(LocalPayment.paymentId(ORDER));
    }

    @Test
    void aChangedBodyAnotherSecretOrAnOldSignatureIsRefused() throws Exception {
        LocalPayment.SignedEvent signed = LocalPayment.sign(LocalPayment.event(PaymentEventType.PAYMENT_SUCCEEDED,
                ORDER, new BigDecimal("17.64"), "EUR", NOW), SECRET, NOW);
        Duration tolerance = WebhookSignature.DEFAULT_TOLERANCE;

        assertThat(WebhookSignature.verify(signed.signature(), signed.body().replace("17.64", "0.01"), SECRET,
                tolerance, NOW)).isEqualTo(Verdict.MISMATCH);
        assertThat(WebhookSignature.verify(signed.signature(), signed.body(), "whsec_other", tolerance, NOW))
                .isEqualTo(Verdict.MISMATCH);
        assertThat(WebhookSignature.verify(signed.signature(), signed.body(), SECRET, tolerance,
                NOW.plus(Duration.ofMinutes(6)))).isEqualTo(Verdict.STALE);
    }

    @Test
    void failAndRefundNameTheirTypeAndARefundNamesThePaymentItRefunds() throws Exception {
        var failed = LocalPayment.event(PaymentEventType.PAYMENT_FAILED, ORDER, BigDecimal.TEN, "EUR", NOW);
        var paid = LocalPayment.event(PaymentEventType.PAYMENT_SUCCEEDED, ORDER, BigDecimal.TEN, "EUR", NOW);
        var refunded = LocalPayment.event(PaymentEventType.REFUNDED, ORDER, BigDecimal.TEN, "EUR", NOW);

        assertThat(failed.type()).isEqualTo("payment_failed");
        assertThat(refunded.type()).isEqualTo("refunded");
        assertThat(refunded.data().paymentId()).isEqualTo(paid.data().paymentId());
        // each event is new to the webhook's idempotency (its id is the payment_events key)
        assertThat(refunded.id()).isNotEqualTo(paid.id());
    }
}
