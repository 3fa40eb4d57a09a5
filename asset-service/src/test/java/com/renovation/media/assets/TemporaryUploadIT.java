package com.renovation.media.assets;

import static com.renovation.media.assets.TestSupport.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.renovation.media.assets.service.assets.AssetExpiry;
import com.renovation.media.contracts.events.EventJson;
import com.renovation.media.contracts.events.payload.OrderPaid;
import com.renovation.media.contracts.events.payload.SourceKind;
import com.renovation.media.contracts.events.payload.VariantReady;
import com.renovation.media.messaging.testing.KafkaTestClient;
import com.renovation.media.storage.layout.StoragePaths;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Uploads made for an order not paid yet: they say when they expire (in the view and in asset.confirmed), are
 * erased then exactly as a user's delete erases, and become permanent when order-service announces the order
 * paid, for the owner's assets of that session only.
 */
@QuarkusTest
class TemporaryUploadIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    S3Client s3;

    @Inject
    AssetExpiry expiry;

    private static String upload(String user, String roomId, byte[] jpeg, boolean temporary) {
        Map<String, Object> body = new HashMap<>(Map.of("roomId", roomId, "assetType", "photo", "filename",
                "photo.jpg", "contentType", "image/jpeg", "size", jpeg.length));
        if (temporary) {
            body.put("temporary", true);
        }
        Response ticket = as(user).body(body).post("/assets/uploads");
        ticket.then().statusCode(201);
        assertThat(TestSupport.put(ticket, jpeg)).isEqualTo(200);
        String id = ticket.path("assetId");
        as(user).post("/assets/" + id + "/confirm").then().statusCode(200);
        return id;
    }

    private static JsonNode confirmedEvent(String assetId) {
        await().atMost(WAIT).until(() -> !KafkaTestClient.records("asset.confirmed", assetId).isEmpty());
        List<JsonNode> events = KafkaTestClient.eventData("asset.confirmed", assetId);
        assertThat(events).hasSize(1);
        return events.get(0);
    }

    private List<String> keysUnder(String prefix) {
        return s3.listObjectsV2(b -> b.bucket("user-uploads").prefix(prefix)).contents().stream()
                .map(o -> o.key()).toList();
    }

    private static void expireNow(String assetId) {
        LinkTestSupport.sql("UPDATE room_assets SET expires_at = now() - interval '1 second' WHERE id = :id",
                "id", UUID.fromString(assetId));
    }

    private static long processed(String eventJson) {
        return LinkTestSupport.query(Long.class, "SELECT count(*) FROM processed_events WHERE event_id = :id",
                "id", EventJson.read(eventJson).id());
    }

    @Test
    void aTemporaryUploadSaysWhenItExpiresInItsViewAndItsEvent() {
        String user = TestSupport.newUser();
        String room = TestSupport.sessionWithRoom(user).get(1);
        String temporary = upload(user, room, TestSupport.jpeg(40, 30), true);
        String permanent = upload(user, room, TestSupport.jpeg(40, 30), false);

        Response view = as(user).get("/assets/" + temporary);
        Instant created = Instant.parse(view.path("createdAt"));
        Instant expires = Instant.parse(view.path("expiresAt"));
        assertThat(Duration.between(created, expires)).isEqualTo(Duration.ofHours(24));
        assertThat(Instant.parse(confirmedEvent(temporary).get("expiresAt").asText())).isEqualTo(expires);

        as(user).get("/assets/" + permanent).then().body("expiresAt", nullValue()).body("parentAssetId", nullValue());
        assertThat(confirmedEvent(permanent).has("expiresAt")).as("a permanent upload's event names no expiry")
                .isFalse();
    }

    @Test
    void anExpiredTemporaryUploadIsErasedAsADeleteWouldAndAPermanentOneIsLeftAlone() {
        String user = TestSupport.newUser();
        List<String> place = TestSupport.sessionWithRoom(user);
        byte[] keptBytes = TestSupport.jpeg(40, 30);
        String temporary = upload(user, place.get(1), TestSupport.jpeg(80, 60), true);
        String permanent = upload(user, place.get(1), keptBytes, false);
        String key = as(user).get("/assets/" + temporary).path("storagePath");
        String permanentKey = as(user).get("/assets/" + permanent).path("storagePath");
        // a variant, stored and announced as variant-worker does
        String variantKey = StoragePaths.variantKey(key, "thumbnail", 64, 48, "webp");
        s3.putObject(b -> b.bucket("user-uploads").key(variantKey), RequestBody.fromBytes(new byte[] {1, 2, 3}));
        KafkaTestClient.publish("variant-worker", new VariantReady(SourceKind.ROOM_ASSET, UUID.fromString(temporary),
                "thumbnail", "webp", 64, 48, 3, "user-uploads", variantKey, "image/webp", 4));
        await().atMost(WAIT).untilAsserted(() -> as(user).get("/assets/" + temporary).then()
                .body("variants", hasSize(1)));
        String sessionPrefix = "session_" + place.get(0) + "/";
        assertThat(keysUnder(sessionPrefix)).contains(key, variantKey, permanentKey);

        expireNow(temporary);
        assertThat(run()).isGreaterThanOrEqualTo(1);

        as(user).get("/assets/" + temporary).then().statusCode(404);
        assertThat(keysUnder(sessionPrefix)).doesNotContain(key, variantKey).contains(permanentKey);
        await().atMost(WAIT).until(() -> !KafkaTestClient.records("asset.deleted", temporary).isEmpty());
        JsonNode deleted = KafkaTestClient.eventData("asset.deleted", temporary).get(0);
        assertThat(deleted.get("storagePaths").toString()).contains(key, variantKey);
        assertThat(LinkTestSupport.query(Long.class, "SELECT count(*) FROM live_events WHERE kind = 'asset.deleted'"
                + " AND data::text LIKE '%' || :id || '%'", "id", temporary)).isEqualTo(1);
        // the usage triggers uncounted it and its variant: only the permanent original is left
        assertThat(LinkTestSupport.query(Long.class, "SELECT storage_bytes FROM owner_usage WHERE owner_id = :o",
                "o", user)).isEqualTo(keptBytes.length);

        as(user).get("/assets/" + permanent).then().statusCode(200).body("expiresAt", nullValue());
    }

    private Integer run() {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> expiry.run());
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aPaidOrderMakesTheOwnersAssetsOfItsSessionPermanentAndNoOneElses() {
        String alice = TestSupport.newUser();
        String bob = TestSupport.newUser();
        List<String> alicePlace = TestSupport.sessionWithRoom(alice);
        List<String> bobPlace = TestSupport.sessionWithRoom(bob);
        String aliceAsset = upload(alice, alicePlace.get(1), TestSupport.jpeg(40, 30), true);
        String aliceOther = upload(alice, alicePlace.get(1), TestSupport.jpeg(40, 30), true);
        String bobAsset = upload(bob, bobPlace.get(1), TestSupport.jpeg(40, 30), true);
        UUID aliceSession = UUID.fromString(alicePlace.get(0));

        // bob's asset named in alice's order, and alice's asset in orders that are not hers or not of its session
        String notHers = KafkaTestClient.publish("order-service", paid(UUID.fromString(bobPlace.get(0)), alice,
                aliceOther));
        String notTheOwner = KafkaTestClient.publish("order-service", paid(aliceSession, bob, aliceOther));
        KafkaTestClient.publish("order-service", paid(aliceSession, alice, aliceAsset, bobAsset));

        await().atMost(WAIT).untilAsserted(() -> as(alice).get("/assets/" + aliceAsset).then()
                .body("expiresAt", nullValue()));
        await().atMost(WAIT).until(() -> processed(notHers) == 1 && processed(notTheOwner) == 1);
        as(bob).get("/assets/" + bobAsset).then().body("expiresAt", notNullValue());
        as(alice).get("/assets/" + aliceOther).then().body("expiresAt", notNullValue());

        // the expiry job leaves the paid asset alone and erases the unpaid one
        expireNow(aliceOther);
        run();
        as(alice).get("/assets/" + aliceAsset).then().statusCode(200);
        as(alice).get("/assets/" + aliceOther).then().statusCode(404);
    }

    private static OrderPaid paid(UUID sessionId, String ownerId, String... assetIds) {
        return new OrderPaid(UUID.randomUUID(), "20250101-000001", sessionId, ownerId,
                java.util.Arrays.stream(assetIds).map(UUID::fromString).toList(), Instant.now().toString());
    }
}
