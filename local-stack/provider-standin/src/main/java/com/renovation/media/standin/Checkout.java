package com.renovation.media.standin;

import static com.renovation.media.standin.Exchanges.escapeHtml;

import com.renovation.media.contracts.payments.PaymentEvent;
import com.renovation.media.contracts.payments.PaymentEventType;
import com.renovation.media.contracts.webhooks.WebhookSignature;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

/**
 * The payment provider's part: a checkout page for an order with a Pay button, and the payment it "takes", sent as a
 * signed {@code payment_succeeded} event ({@link WebhookSignature#PAYMENT_HEADER}, secret
 * {@code STANDIN_PAYMENT_SECRET}) to {@code STANDIN_PAYMENT_WEBHOOK_URL}. Every value shown is escaped; the
 * parameters are checked before anything is sent (an order id, a decimal amount, a currency code).
 */
final class Checkout {

    private static final int MAX_FORM_BYTES = 4096;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final StandInSettings settings;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    Checkout(StandInSettings settings) {
        this.settings = settings;
    }

    record Payment(UUID orderId, BigDecimal amount, String currency) {
    }

    /** The parameters as a payment, or null when any is missing or malformed. */
    static Payment payment(Map<String, String> params) {
        try {
            UUID order = UUID.fromString(params.getOrDefault("order", ""));
            String amountText = params.getOrDefault("amount", "");
            String currency = params.getOrDefault("currency", "");
            if (!amountText.matches("[0-9]{1,8}(\\.[0-9]{1,2})?") || !currency.matches("[A-Z]{3}")) {
                return null;
            }
            return new Payment(order, new BigDecimal(amountText).setScale(2), currency);
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }

    void page(HttpExchange exchange) throws IOException {
        Map<String, String> params = Exchanges.params(exchange.getRequestURI().getRawQuery());
        Payment payment = payment(params);
        if (payment == null) {
            Exchanges.html(exchange, 400, page("Checkout", "<p>This checkout link is not valid: it needs an order id,"
                    + " an amount like 9.90 and a currency like EUR.</p><p>Got order <code>"
                    + escapeHtml(params.get("order")) + "</code>, amount <code>" + escapeHtml(params.get("amount"))
                    + "</code>, currency <code>" + escapeHtml(params.get("currency")) + "</code>.</p>"));
            return;
        }
        String order = escapeHtml(payment.orderId().toString());
        String amount = escapeHtml(payment.amount().toPlainString());
        String currency = escapeHtml(payment.currency());
        Exchanges.html(exchange, 200, page("Checkout", "<p>Order <code>" + order + "</code></p>"
                + "<p class=\"total\">" + amount + " " + currency + "</p>"
                + "<form method=\"post\" action=\"/checkout/pay\">"
                + "<input type=\"hidden\" name=\"order\" value=\"" + order + "\">"
                + "<input type=\"hidden\" name=\"amount\" value=\"" + amount + "\">"
                + "<input type=\"hidden\" name=\"currency\" value=\"" + currency + "\">"
                + "<button type=\"submit\">Pay " + amount + " " + currency + "</button></form>"
                + "<p class=\"note\">Stand-in payment provider: no card is charged. Paying sends a signed"
                + " payment_succeeded event to the platform.</p>"));
    }

    void pay(HttpExchange exchange) throws IOException {
        String form = new String(Exchanges.body(exchange, MAX_FORM_BYTES), StandardCharsets.UTF_8);
        Payment payment = payment(Exchanges.params(form));
        if (payment == null) {
            Exchanges.html(exchange, 400, page("Payment refused", "<p>The payment form was not valid.</p>"));
            return;
        }
        if (settings.paymentWebhookUrl().isEmpty()) {
            Exchanges.html(exchange, 503, page("Payment not sent", "<p>The stand-in has no"
                    + " STANDIN_PAYMENT_WEBHOOK_URL to send the payment event to.</p>"));
            return;
        }
        Instant now = Instant.now();
        PaymentEvent event = new PaymentEvent("evt_" + random(12), PaymentEventType.PAYMENT_SUCCEEDED.value(),
                now.getEpochSecond(), new PaymentEvent.Data(payment.orderId(), payment.amount(), payment.currency(),
                        "pay_" + random(12)));
        String body = Exchanges.JSON.writeValueAsString(event);
        String outcome;
        int status;
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(settings.paymentWebhookUrl().get())
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .header(WebhookSignature.PAYMENT_HEADER, WebhookSignature.header(settings.paymentSecret(), now,
                            body))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            status = answer.statusCode() / 100 == 2 ? 200 : 502;
            String excerpt = answer.body().length() > 500 ? answer.body().substring(0, 500) + "…" : answer.body();
            outcome = "<p>The platform answered HTTP " + answer.statusCode() + ":</p><pre>" + escapeHtml(excerpt)
                    + "</pre>";
        } catch (IOException e) {
            status = 502;
            outcome = "<p>The platform could not be reached: " + escapeHtml(e.getMessage()) + "</p>";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        Exchanges.html(exchange, status, page(status == 200 ? "Payment sent" : "Payment not accepted",
                "<p>Event <code>" + escapeHtml(event.id()) + "</code>: payment_succeeded for order <code>"
                        + escapeHtml(payment.orderId().toString()) + "</code>, "
                        + escapeHtml(payment.amount().toPlainString()) + " " + escapeHtml(payment.currency())
                        + ".</p>" + outcome));
    }

    private static String page(String title, String body) {
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escapeHtml(title)
                + "</title><style>body{font-family:sans-serif;max-width:36rem;margin:3rem auto}"
                + ".total{font-size:2rem}button{font-size:1.2rem;padding:.5rem 1.5rem}.note{color:#666}</style>"
                + "</head><body><h1>" + escapeHtml(title) + "</h1>" + body + "</body></html>";
    }

    private static String random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
