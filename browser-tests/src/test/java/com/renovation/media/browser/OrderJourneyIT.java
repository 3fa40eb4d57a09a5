package com.renovation.media.browser;

import static com.renovation.media.browser.ConsolePage.by;
import static org.assertj.core.api.Assertions.assertThat;

import com.renovation.media.contracts.webhooks.WebhookSignature;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Paid processing from the console: a webhook registered, a room's photo ordered for restoration, paid on the
 * payment provider's checkout page, processed at the provider and back in the room as a new photo; the mails
 * and the signed webhook deliveries it caused.
 */
class OrderJourneyIT extends BrowserJourney {

    /** A webhook receiver of the user's own: every delivery's headers and body. */
    record Delivery(String event, String id, String signature, String body) {
    }

    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private HttpServer receiver;

    @AfterEach
    void stopReceiver() {
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    @Test
    void aPhotoOrderedAndPaidComesBackRestoredWithItsMailsAndWebhooks() throws Exception {
        signInNewUser(1280);
        String secret = registerWebhook();

        page.open("#/sessions");
        roomWithPhotos("faded.jpg");
        page.press(page.el("order-service-restoration"));
        page.press(page.el("order-asset"));
        page.press(page.el("place-order"));
        page.waitFor("the order's page", d -> !d.findElements(by("order-page")).isEmpty());
        assertThat(page.el("order-page").getDomAttribute("data-status")).isEqualTo("pending_payment");
        assertThat(page.el("order-total").getText()).isNotBlank();
        assertThat(page.unlabelled()).as("controls without a name, images without alt text").isEmpty();
        String orderPage = page.browser.getCurrentUrl();

        // the provider's checkout page, as a payer follows the Pay link
        String checkout = page.el("pay-order").getDomAttribute("href");
        page.browser.get(checkout);
        page.press(page.browser.findElement(By.cssSelector("form button")));
        // the provider's answer page, once the payment went out: leaving earlier could be undone by it
        page.waitFor("the payment sent", d -> "Payment sent".equals(d.getTitle()));
        page.browser.get(orderPage);
        page.waitFor("the order completed", d -> "completed".equals(
                d.findElement(by("order-page")).getDomAttribute("data-status")));
        assertThat(page.texts("job-status")).containsExactly("Done");

        page.press(page.el("order-result"));
        page.waitFor("the original and its restoration ready", d -> page.cards("ready").size() == 2);
        assertThat(page.browser.findElements(by("asset-card")).stream().map(WebElement::getText))
                .anySatisfy(text -> assertThat(text).contains("Restored"));

        page.open("#/notifications");
        // the list is read when opened: Refresh, as a user would, until the second mail is out too
        page.waitFor("both mails sent", d -> refreshedUntil("refresh-notifications", d.findElements(By.cssSelector(
                "[data-test='notification-item'][data-status='sent']")).size() == 2));
        assertThat(page.browser.findElements(by("notification-item")).stream()
                .map(e -> e.getDomAttribute("data-kind"))).containsExactlyInAnyOrder("order_confirmation",
                        "processing_complete");
        // and the SMTP server got exactly those two, each once
        String mails = new String(get(Platform.mailUrl() + "/api/user/" + user.toLowerCase() + "@example.test"
                + "/messages/").body(), StandardCharsets.UTF_8);
        assertThat(Pattern.compile("\"Message-ID\":\"([^\"]+)\"").matcher(mails).results()
                .map(m -> m.group(1)).toList()).hasSize(2).doesNotHaveDuplicates();

        page.waitFor("three webhook deliveries", d -> deliveries.size() >= 3);
        assertThat(deliveries).extracting(Delivery::event)
                .contains("order.paid", "order.output.ready", "order.completed");
        assertThat(deliveries).allSatisfy(delivery -> assertThat(WebhookSignature.verify(delivery.signature(),
                delivery.body(), secret, Duration.ofMinutes(5), Instant.now()).valid()).isTrue());
        page.open("#/webhooks");
        page.waitFor("the deliveries listed as delivered", d -> refreshedUntil("refresh-webhooks", d.findElements(
                By.cssSelector("[data-test='delivery-item'][data-status='delivered']")).size() >= 3));
        assertThat(page.unlabelled()).isEmpty();
    }

    /** {@code done}, or else a press of the page's Refresh button (named by its hook) for the next look. */
    private boolean refreshedUntil(String refresh, boolean done) {
        if (!done) {
            page.press(page.el(refresh));
        }
        return done;
    }

    /** Starts the receiver and registers it in the console; answers the signing secret shown once. */
    private String registerWebhook() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hooks", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            deliveries.add(new Delivery(exchange.getRequestHeaders().getFirst("Webhook-Event"),
                    exchange.getRequestHeaders().getFirst("Webhook-Id"),
                    exchange.getRequestHeaders().getFirst(WebhookSignature.DELIVERY_HEADER), body));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        page.open("#/webhooks");
        page.el("webhook-url").sendKeys("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks");
        page.press(page.el("add-webhook"));
        page.el("webhook-created");
        String secret = page.value("webhook-secret");
        assertThat(secret).startsWith("whsec_");
        page.waitFor("the webhook listed", d -> d.findElements(by("webhook-item")).size() == 1);
        return secret;
    }
}
