package com.renovation.media.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.renovation.media.contracts.payments.PaymentEvent;
import com.renovation.media.contracts.payments.PaymentEventType;
import com.renovation.media.contracts.webhooks.WebhookSignature;
import com.renovation.media.localtokens.LocalTokens;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * {@code ./platform pay <orderId> [--fail|--refund]}: what the payment provider would send for an order, signed
 * with the platform home's webhook secret and posted to order-service's payment webhook. The amount and currency
 * are the order's own, read from order-service with an admin token.
 */
final class LocalPayment {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    /** A payment webhook request: its JSON body and the Stripe-Signature header that signs it. */
    record SignedEvent(PaymentEvent event, String body, String signature) {
    }

    private LocalPayment() {
    }

    /**
     * The provider's event for the order. The payment id is derived from the order, so a refund names the payment
     * it refunds; the event id is new each time, as the provider's are.
     */
    static PaymentEvent event(PaymentEventType type, UUID orderId, BigDecimal amount, String currency, Instant at) {
        return new PaymentEvent("evt_local_" + UUID.randomUUID().toString().replace("-", ""), type.value(),
                at.getEpochSecond(), new PaymentEvent.Data(orderId, amount, currency, paymentId(orderId)));
    }

    static String paymentId(UUID orderId) {
        return "pay_local_" + orderId.toString().replace("-", "");
    }

    /** The exact bytes sent and their signature over them, made at {@code at}. */
    static SignedEvent sign(PaymentEvent event, String secret, Instant at) throws Exception {
        String body = JSON.writeValueAsString(event);
        return new SignedEvent(event, body, WebhookSignature.header(secret, at, body));
    }

    /** Runs the command; prints order-service's answer. Exit code 0 when the webhook answered 2xx. */
    static int run(PlatformSettings settings, UUID orderId, PaymentEventType type) throws Exception {
        String orderService = settings.orderServiceUrl();
        String token = new LocalTokens(settings.home()).token("platform-pay", true, Duration.ofMinutes(5));
        HttpResponse<String> order;
        try {
            order = HTTP.send(HttpRequest.newBuilder(URI.create(orderService + "/orders/" + orderId))
                    .header("Authorization", "Bearer " + token).header("Accept", "application/json")
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            System.err.println("order-service does not answer at " + orderService + " (is ./platform up running?)");
            return 1;
        }
        if (order.statusCode() != 200) {
            System.err.printf("GET %s/orders/%s answered %d: %s%n", orderService, orderId, order.statusCode(),
                    order.body());
            return 1;
        }
        JsonNode view = JSON.readTree(order.body());
        BigDecimal total = new BigDecimal(view.path("total").asText());
        String currency = view.path("currency").asText();
        Instant now = Instant.now();
        SignedEvent signed = sign(event(type, orderId, total, currency, now),
                new LocalSecrets(settings.home()).paymentsWebhookSecret(), now);
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(orderService + "/webhooks/payments"))
                .header("Content-Type", "application/json")
                .header(WebhookSignature.PAYMENT_HEADER, signed.signature())
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(signed.body())).build(),
                HttpResponse.BodyHandlers.ofString());
        System.out.printf("%s %s %s for order %s (was %s/%s)%n", type.value(), total.toPlainString(), currency,
                orderId, view.path("status").asText(), view.path("paymentStatus").asText());
        System.out.printf("POST %s/webhooks/payments -> %d %s%n", orderService, answer.statusCode(), answer.body());
        return answer.statusCode() / 100 == 2 ? 0 : 1;
    }
}
