package com.renovation.media.orders;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.renovation.media.contracts.events.EventJson;
import com.renovation.media.contracts.events.PlatformService;
import com.renovation.media.contracts.events.Topics;
import com.renovation.media.contracts.events.payload.OrderCompleted;
import com.renovation.media.contracts.events.payload.OrderPaid;
import com.renovation.media.contracts.webhooks.WebhookSignature;
import com.renovation.media.messaging.testing.KafkaTestClient;
import com.renovation.media.web.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Users' webhooks end to end: an endpoint registered over the API, order events from Kafka, signed POSTs to a
 * real local receiver that fails at first, retries with backoff under one Webhook-Id, a give-up after the retry
 * window (short in the test profile), and the endpoints and deliveries of one user invisible to others.
 */
@QuarkusTest
class WebhookIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String SOURCE = PlatformService.ORDER_SERVICE.serviceName();
    private static WebhookReceiver receiver;

    @BeforeAll
    static void startReceiver() {
        receiver = new WebhookReceiver();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.close();
    }

    private static Response register(String user, String url, List<String> events) {
        return given().auth().oauth2(TestTokens.user(user)).contentType(ContentType.JSON)
                .body(Map.of("url", url, "events", events)).post("/webhooks/endpoints");
    }

    private static JsonPath deliveries(String user) {
        return given().auth().oauth2(TestTokens.user(user)).get("/webhooks/deliveries?limit=100").then()
                .statusCode(200).extract().jsonPath();
    }

    private static List<Map<String, Object>> deliveriesOf(String user, UUID eventId) {
        return deliveries(user).<Map<String, Object>>getList("items").stream()
                .filter(d -> eventId.toString().equals(d.get("eventId"))).toList();
    }

    private static OrderPaid paid(String owner) {
        return new OrderPaid(UUID.randomUUID(), "20260101-000100", UUID.randomUUID(), owner,
                List.of(UUID.randomUUID()), Instant.now().toString());
    }

    @Test
    void aDeliveryIsRetriedUntilAcceptedSignedAndUnderOneWebhookId() {
        String owner = TestTokens.newUserId();
        String path = "/retry-" + UUID.randomUUID();
        JsonPath created = register(owner, receiver.url(path, 2), List.of("order.paid", "order.output.ready"))
                .then().statusCode(201).extract().jsonPath();
        String secret = created.getString("secret");
        assertThat(secret).startsWith("whsec_");
        String endpointId = created.getString("id");

        String json = KafkaTestClient.publish(SOURCE, paid(owner));
        UUID eventId = EventJson.read(json).id();

        await().atMost(WAIT).until(() -> deliveriesOf(owner, eventId).stream()
                .anyMatch(d -> "delivered".equals(d.get("status"))));
        Map<String, Object> delivery = deliveriesOf(owner, eventId).get(0);
        assertThat(delivery).containsEntry("endpointId", endpointId).containsEntry("eventType", "order.paid")
                .containsEntry("attempts", 3).containsEntry("lastStatusCode", 200).containsEntry("lastError", null)
                .containsEntry("nextAttemptAt", null);
        assertThat(delivery.get("deliveredAt")).isNotNull();

        List<WebhookReceiver.Received> requests = receiver.received(path);
        assertThat(requests).hasSize(3);
        for (WebhookReceiver.Received request : requests) {
            assertThat(request.body()).isEqualTo(json);
            assertThat(request.header("Webhook-Id")).isEqualTo(delivery.get("id"));
            assertThat(request.header("Webhook-Event")).isEqualTo("order.paid");
            assertThat(request.header("Content-Type")).startsWith("application/json");
            assertThat(WebhookSignature.verify(request.header(WebhookSignature.DELIVERY_HEADER), request.body(),
                    secret, WebhookSignature.DEFAULT_TOLERANCE, Instant.now())).isEqualTo(WebhookSignature.Verdict.VALID);
            assertThat(WebhookSignature.verify(request.header(WebhookSignature.DELIVERY_HEADER), request.body(),
                    "whsec_someone_else", WebhookSignature.DEFAULT_TOLERANCE, Instant.now()).valid()).isFalse();
        }

        // the same event redelivered makes no second delivery
        KafkaTestClient.send(Topics.ORDER_PAID, EventJson.read(json).subject(), json);
        await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(6)).until(() -> true);
        assertThat(deliveriesOf(owner, eventId)).hasSize(1);
        assertThat(receiver.received(path)).hasSize(3);

        // another user sees neither the endpoint nor its deliveries, and cannot delete it
        String other = TestTokens.newUserId();
        assertThat(deliveries(other).getList("items")).isEmpty();
        assertThat(given().auth().oauth2(TestTokens.user(other)).get("/webhooks/endpoints").then().statusCode(200)
                .extract().jsonPath().getList("items")).isEmpty();
        given().auth().oauth2(TestTokens.user(other)).delete("/webhooks/endpoints/" + endpointId).then()
                .statusCode(404);
        // the owner's list shows the endpoint, never its secret
        JsonPath mine = given().auth().oauth2(TestTokens.user(owner)).get("/webhooks/endpoints").then()
                .statusCode(200).extract().jsonPath();
        assertThat(mine.getList("items.id")).containsExactly(endpointId);
        assertThat(mine.getMap("items[0]")).doesNotContainKey("secret");
    }

    @Test
    void aReceiverThatNeverAcceptsIsGivenUpAfterTheRetryWindow() {
        String owner = TestTokens.newUserId();
        String path = "/down-" + UUID.randomUUID();
        register(owner, receiver.url(path, -1), List.of("order.completed")).then().statusCode(201);
        String json = KafkaTestClient.publish(SOURCE, new OrderCompleted(UUID.randomUUID(), "20260101-000101",
                UUID.randomUUID(), owner, "completed", 1, 0, Instant.now().toString()));
        UUID eventId = EventJson.read(json).id();

        await().atMost(WAIT).until(() -> deliveriesOf(owner, eventId).stream()
                .anyMatch(d -> "failed".equals(d.get("status"))));
        Map<String, Object> delivery = deliveriesOf(owner, eventId).get(0);
        assertThat((Integer) delivery.get("attempts")).isGreaterThanOrEqualTo(2);
        assertThat(delivery).containsEntry("lastStatusCode", 500).containsEntry("deliveredAt", null);
        assertThat((String) delivery.get("lastError")).contains("HTTP 500").contains("down for maintenance")
                .contains("given up");
        assertThat(receiver.received(path)).hasSize((Integer) delivery.get("attempts"));
    }

    @Test
    void onlySubscribedTypesAreDeliveredAndADeletedEndpointGetsNothingMore() {
        String owner = TestTokens.newUserId();
        String path = "/paid-only-" + UUID.randomUUID();
        String endpointId = register(owner, receiver.url(path, 0), List.of("order.paid")).then().statusCode(201)
                .extract().path("id");
        UUID completedEvent = EventJson.read(KafkaTestClient.publish(SOURCE, new OrderCompleted(UUID.randomUUID(),
                "20260101-000102", UUID.randomUUID(), owner, "completed", 1, 0, Instant.now().toString()))).id();
        UUID paidEvent = EventJson.read(KafkaTestClient.publish(SOURCE, paid(owner))).id();
        await().atMost(WAIT).until(() -> deliveriesOf(owner, paidEvent).stream()
                .anyMatch(d -> "delivered".equals(d.get("status"))));
        assertThat(deliveriesOf(owner, completedEvent)).isEmpty();

        given().auth().oauth2(TestTokens.user(owner)).delete("/webhooks/endpoints/" + endpointId).then()
                .statusCode(204);
        given().auth().oauth2(TestTokens.user(owner)).delete("/webhooks/endpoints/" + endpointId).then()
                .statusCode(404);
        UUID afterDelete = EventJson.read(KafkaTestClient.publish(SOURCE, paid(owner))).id();
        await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(6)).until(() -> true);
        assertThat(deliveriesOf(owner, afterDelete)).isEmpty();
        assertThat(receiver.received(path)).hasSize(1);
        // the log of the deleted endpoint stays readable
        assertThat(deliveriesOf(owner, paidEvent)).hasSize(1);
    }

    @Test
    void registrationsAreValidatedAndLimitedPerUser() {
        String owner = TestTokens.newUserId();
        String url = receiver.url("/limits", 0);
        register(owner, url, List.of("session.deleted")).then().statusCode(400);
        register(owner, url, List.of()).then().statusCode(400);
        register(owner, "ftp://127.0.0.1/x", List.of("order.paid")).then().statusCode(400);
        register(owner, "http://127.0.0.1/" + "x".repeat(2100), List.of("order.paid")).then().statusCode(400);
        given().auth().oauth2(TestTokens.user(owner)).contentType(ContentType.JSON).body("{\"url\": 5}")
                .post("/webhooks/endpoints").then().statusCode(400);
        given().contentType(ContentType.JSON).body(Map.of("url", url, "events", List.of("order.paid")))
                .post("/webhooks/endpoints").then().statusCode(401);
        for (int i = 0; i < 10; i++) {
            register(owner, url, List.of("order.paid")).then().statusCode(201);
        }
        register(owner, url, List.of("order.paid")).then().statusCode(409);
        register(TestTokens.newUserId(), url, List.of("order.paid")).then().statusCode(201);
    }
}
