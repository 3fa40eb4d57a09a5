package com.renovation.media.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.renovation.media.contracts.payments.PaymentEventType;
import com.renovation.media.contracts.webhooks.WebhookSignature;
import com.renovation.media.localtokens.LocalTokens;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./platform pay} over real HTTP, against a server standing in for order-service's two endpoints: it reads
 * the order as an admin and posts a webhook that verifies with the platform home's secret.
 */
class LocalPaymentIT {

    private static final UUID ORDER = UUID.randomUUID();

    @TempDir
    Path home;

    private HttpServer orderService;
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final List<String> verdicts = new CopyOnWriteArrayList<>();
    private final List<String> bodies = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startOrderService() throws IOException {
        orderService = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        orderService.createContext("/orders/", exchange -> {
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            if (exchange.getRequestURI().getPath().equals("/orders/" + ORDER)) {
                answer(exchange, 200, "{\"id\":\"" + ORDER + "\",\"status\":\"pending_payment\","
                        + "\"paymentStatus\":\"pending\",\"subtotal\":\"9.80\",\"tax\":\"1.96\",\"total\":\"11.76\","
                        + "\"currency\":\"EUR\"}");
            } else {
                answer(exchange, 404, "{\"status\":404}");
            }
        });
        orderService.createContext("/webhooks/payments", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            bodies.add(body);
            WebhookSignature.Verdict verdict = WebhookSignature.verify(
                    exchange.getRequestHeaders().getFirst(WebhookSignature.PAYMENT_HEADER), body,
                    new LocalSecrets(home).paymentsWebhookSecret(), WebhookSignature.DEFAULT_TOLERANCE, Instant.now());
            verdicts.add(verdict.name());
            answer(exchange, verdict.valid() ? 200 : 400, "{\"received\":" + verdict.valid() + "}");
        });
        orderService.start();
    }

    @AfterEach
    void stop() {
        orderService.stop(0);
    }

    private PlatformSettings settings() {
        return PlatformSettings.fromEnvironment(Map.of("PLATFORM_HOME", home.toString(), "PLATFORM_SERVICES", "none",
                "ORDER_SERVICE_PORT", Integer.toString(orderService.getAddress().getPort())));
    }

    @Test
    void postsTheOrdersTotalSignedWithTheHomesSecret() throws Exception {
        assertThat(LocalPayment.run(settings(), ORDER, PaymentEventType.PAYMENT_SUCCEEDED)).isZero();
        assertThat(LocalPayment.run(settings(), ORDER, PaymentEventType.REFUNDED)).isZero();

        assertThat(verdicts).containsExactly("VALID", "VALID");
        assertThat(bodies.get(0)).contains("\"type\":\"payment_succeeded\"", "\"amount\":\"11.76\"",
                "\"currency\":\"EUR\"", "\"orderId\":\"" + ORDER + "\"");
        assertThat(bodies.get(1)).contains("\"type\":\"refunded\"", "\"amount\":\"11.76\"");
        // the order is read as an admin: order-service shows any order to an admin, others' to nobody else
        String token = authorizations.get(0).substring("Bearer ".length());
        assertThat(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8))
                .contains("\"" + LocalTokens.ROLES_CLAIM + "\":[\"user\",\"admin\"]");
    }

    @Test
    void anOrderOrderServiceDoesNotKnowSendsNothing() throws Exception {
        assertThat(LocalPayment.run(settings(), UUID.randomUUID(), PaymentEventType.PAYMENT_SUCCEEDED)).isEqualTo(1);
        assertThat(bodies).isEmpty();
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
