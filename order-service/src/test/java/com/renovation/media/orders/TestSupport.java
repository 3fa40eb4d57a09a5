package com.renovation.media.orders;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import com.renovation.media.contracts.events.PlatformService;
import com.renovation.media.contracts.events.payload.AssetConfirmed;
import com.renovation.media.contracts.webhooks.WebhookSignature;
import com.renovation.media.messaging.testing.KafkaTestClient;
import com.renovation.media.web.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Tokens, assets made known as asset-service would announce them, orders and signed payment events. */
public final class TestSupport {

    /** The local and test profiles' payment secret (application.properties). */
    public static final String PAYMENT_SECRET = "whsec_local_only";

    private TestSupport() {
    }

    public static String newUser() {
        return TestTokens.newUserId();
    }

    public static RequestSpecification as(String user) {
        return given().auth().oauth2(TestTokens.user(user)).contentType(ContentType.JSON);
    }

    public static RequestSpecification asAdmin() {
        return given().auth().oauth2(TestTokens.admin(newUser())).contentType(ContentType.JSON);
    }

    /** A user's session with confirmed photos, known to order-service through asset.confirmed. */
    public record Photos(String owner, UUID sessionId, List<UUID> assetIds) {
        public UUID first() {
            return assetIds.getFirst();
        }
    }

    /** Publishes asset.confirmed for {@code count} photos of a new session of {@code owner} and waits for them. */
    public static Photos photos(AgroalDataSource db, String owner, int count) {
        UUID session = UUID.randomUUID();
        List<UUID> ids = java.util.stream.IntStream.range(0, count).mapToObj(i -> confirm(owner, session, null))
                .toList();
        awaitProjected(db, ids);
        return new Photos(owner, session, ids);
    }

    /** Publishes asset.confirmed for one photo; answers its id. */
    public static UUID confirm(String owner, UUID session, String expiresAt) {
        UUID asset = UUID.randomUUID();
        UUID room = UUID.randomUUID();
        KafkaTestClient.publish(PlatformService.ASSET_SERVICE.serviceName(), new AssetConfirmed(asset, session, room,
                owner, "photo", "user-uploads", "session_" + session + "/room_" + room + "/photos/" + asset + ".jpg",
                "image/jpeg", 1234, "ab".repeat(32), List.of("jpeg"), expiresAt));
        return asset;
    }

    public static void awaitProjected(AgroalDataSource db, List<UUID> ids) {
        await().atMost(Duration.ofSeconds(60)).until(() -> ids.stream().allMatch(id ->
                OrdersDatabase.count(db, "SELECT count(*) FROM orders.order_assets WHERE asset_id = ?", id) == 1));
    }

    public static Map<String, Object> item(UUID asset, String service) {
        return Map.of("assetId", asset.toString(), "service", service);
    }

    public static Response order(String owner, UUID session, List<Map<String, Object>> items) {
        return as(owner).body(Map.of("sessionId", session.toString(), "items", items)).post("/orders");
    }

    /** Creates an order of one restoration per photo; answers its id. */
    public static String orderAll(Photos photos) {
        return order(photos.owner(), photos.sessionId(),
                photos.assetIds().stream().map(a -> item(a, "restoration")).toList())
                .then().statusCode(201).extract().path("id");
    }

    /** A payment event body as the provider sends it. */
    public static String paymentEvent(String eventId, String type, String orderId, String amount, String currency) {
        return """
                {"id":"%s","type":"%s","created":%d,"data":{"orderId":"%s","amount":"%s","currency":"%s",\
                "paymentId":"pay_%s"}}""".formatted(eventId, type, Instant.now().getEpochSecond(), orderId, amount,
                currency, eventId);
    }

    public static Response postSigned(String body) {
        return postWithSignature(body, WebhookSignature.header(PAYMENT_SECRET, Instant.now(), body));
    }

    public static Response postWithSignature(String body, String signature) {
        RequestSpecification request = given().contentType(ContentType.JSON).body(body);
        if (signature != null) {
            request = request.header(WebhookSignature.PAYMENT_HEADER, signature);
        }
        return request.post("/webhooks/payments");
    }

    public static String newEventId() {
        return "evt_" + UUID.randomUUID().toString().replace("-", "");
    }
}
