package com.renovation.media.assets;

import static com.renovation.media.assets.TestSupport.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.renovation.media.contracts.events.EventJson;
import com.renovation.media.contracts.events.PlatformService;
import com.renovation.media.contracts.events.Topic;
import com.renovation.media.contracts.events.Topics;
import com.renovation.media.contracts.events.payload.OrderOutputReady;
import com.renovation.media.contracts.orders.ProcessingService;
import com.renovation.media.messaging.testing.KafkaTestClient;
import com.renovation.media.storage.layout.StoragePaths;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A paid processing's output, stored by order-service at the new asset's incoming key, becomes an asset of the
 * room through the upload's own checks and confirmation, once however often the event comes; an object that is
 * not what it claims is refused as a bad upload is, and an output for a room that is gone is dropped.
 */
@QuarkusTest
class OrderOutputIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    S3Client s3;

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stores the bytes at the output's incoming key, as order-service does, and answers its event. */
    private OrderOutputReady stored(UUID sessionId, UUID roomId, String owner, UUID parent,
            ProcessingService service, byte[] bytes, String contentType, String filename) {
        UUID assetId = UUID.randomUUID();
        String key = StoragePaths.incomingKey(sessionId, roomId, assetId);
        s3.putObject(b -> b.bucket("user-uploads").key(key).contentType(contentType), RequestBody.fromBytes(bytes));
        return new OrderOutputReady(assetId, UUID.randomUUID(), UUID.randomUUID(), sessionId, roomId, owner, parent,
                service, "user-uploads", key, contentType, bytes.length, sha256(bytes), filename);
    }

    private static long processed(String eventJson) {
        return LinkTestSupport.query(Long.class, "SELECT count(*) FROM processed_events WHERE event_id = :id",
                "id", EventJson.read(eventJson).id());
    }

    private static long rows(UUID assetId) {
        return LinkTestSupport.query(Long.class, "SELECT count(*) FROM room_assets WHERE id = :id", "id", assetId);
    }

    private boolean exists(String key) {
        return !s3.listObjectsV2(b -> b.bucket("user-uploads").prefix(key)).contents().isEmpty();
    }

    @Test
    void aRestorationBecomesAPhotoOfTheRoomWithItsParentConfirmedOnceHoweverOftenItComes() {
        String user = TestSupport.newUser();
        List<String> place = TestSupport.sessionWithRoom(user);
        UUID session = UUID.fromString(place.get(0));
        UUID room = UUID.fromString(place.get(1));
        byte[] original = TestSupport.jpeg(40, 30);
        String parent = TestSupport.upload(user, place.get(1), "photo", "old.jpg", "image/jpeg", original);
        byte[] restored = TestSupport.jpeg(80, 60);
        OrderOutputReady output = stored(session, room, user, UUID.fromString(parent), ProcessingService.RESTORATION,
                restored, "image/jpeg", "old-restored.jpg");
        String id = output.assetId().toString();

        String first = KafkaTestClient.publish("order-service", output);

        await().atMost(WAIT).untilAsserted(() -> as(user).get("/assets/" + id).then().statusCode(200)
                .body("status", equalTo("uploaded")));
        var view = as(user).get("/assets/" + id);
        view.then().body("parentAssetId", equalTo(parent)).body("assetType", equalTo("photo"))
                .body("source", equalTo("ai_restored")).body("roomId", equalTo(place.get(1)))
                .body("originalFilename", equalTo("old-restored.jpg")).body("width", equalTo(80))
                .body("sha256", equalTo(output.sha256())).body("expiresAt", nullValue())
                .body("confirmedAt", notNullValue()).body("downloadUrl", notNullValue());
        String finalKey = view.path("storagePath");
        assertThat(exists(finalKey)).isTrue();
        assertThat(exists(output.storagePath())).as("moved from the incoming key").isFalse();

        await().atMost(WAIT).until(() -> !KafkaTestClient.records(Topics.ASSET_CONFIRMED, id).isEmpty());
        JsonNode confirmed = KafkaTestClient.eventData(Topics.ASSET_CONFIRMED, id).get(0);
        assertThat(confirmed.get("storagePath").asText()).isEqualTo(finalKey);
        assertThat(confirmed.get("ownerId").asText()).isEqualTo(user);
        assertThat(confirmed.get("variantFormats").toString()).contains("jpeg", "webp");
        assertThat(LinkTestSupport.query(Long.class, "SELECT count(*) FROM live_events WHERE kind = 'asset.confirmed'"
                + " AND data::text LIKE '%' || :id || '%'", "id", id)).isEqualTo(1);
        // counted in the owner's storage like any asset
        assertThat(LinkTestSupport.query(Long.class, "SELECT storage_bytes FROM owner_usage WHERE owner_id = :o",
                "o", user)).isEqualTo(original.length + restored.length);

        // the same record again, then the same output in a fresh event: nothing new
        KafkaTestClient.send(Topics.ORDER_OUTPUT_READY, id, first);
        String again = KafkaTestClient.publish("order-service", output);
        await().atMost(WAIT).until(() -> processed(again) == 1);
        assertThat(rows(output.assetId())).isEqualTo(1);
        assertThat(KafkaTestClient.records(Topics.ASSET_CONFIRMED, id)).hasSize(1);
        as(user).get("/assets/" + id).then().body("storagePath", equalTo(finalKey));

        // the original deleted: its output stays, unlinked
        as(user).delete("/assets/" + parent).then().statusCode(204);
        as(user).get("/assets/" + id).then().statusCode(200).body("parentAssetId", nullValue());
    }

    @Test
    void aRenderIsARenderMadeByTheAi() {
        String user = TestSupport.newUser();
        List<String> place = TestSupport.sessionWithRoom(user);
        OrderOutputReady output = stored(UUID.fromString(place.get(0)), UUID.fromString(place.get(1)), user, null,
                ProcessingService.RENDER, TestSupport.png(64, 48), "image/png", "render.png");
        KafkaTestClient.publish("order-service", output);
        await().atMost(WAIT).untilAsserted(() -> as(user).get("/assets/" + output.assetId()).then().statusCode(200)
                .body("status", equalTo("uploaded")).body("assetType", equalTo("render"))
                .body("source", equalTo("ai_generated")).body("contentType", equalTo("image/png"))
                .body("parentAssetId", nullValue()));
    }

    @Test
    void anObjectThatIsNoImageIsRefusedAndLeavesNothing() {
        String user = TestSupport.newUser();
        List<String> place = TestSupport.sessionWithRoom(user);
        byte[] script = "<script>alert(1)</script> not a JPEG at all".getBytes(StandardCharsets.UTF_8);
        OrderOutputReady output = stored(UUID.fromString(place.get(0)), UUID.fromString(place.get(1)), user, null,
                ProcessingService.RESTORATION, script, "image/jpeg", "fake.jpg");

        String event = KafkaTestClient.publish("order-service", output);

        await().atMost(WAIT).until(() -> processed(event) == 1);
        as(user).get("/assets/" + output.assetId()).then().statusCode(404);
        assertThat(rows(output.assetId())).isZero();
        assertThat(exists(StoragePaths.roomPrefix(UUID.fromString(place.get(0)), UUID.fromString(place.get(1))) + "photos/")).isFalse();
        assertThat(exists(output.storagePath())).isFalse();
        assertThat(KafkaTestClient.records(Topics.ASSET_CONFIRMED, output.assetId().toString())).isEmpty();
    }

    @Test
    void anOutputForAnUnknownRoomIsDropped() {
        String user = TestSupport.newUser();
        UUID session = UUID.fromString(TestSupport.sessionWithRoom(user).get(0));
        OrderOutputReady output = stored(session, UUID.randomUUID(), user, null, ProcessingService.RESTORATION,
                TestSupport.jpeg(40, 30), "image/jpeg", "x.jpg");

        String event = KafkaTestClient.publish("order-service", output);

        await().atMost(WAIT).until(() -> processed(event) == 1);
        assertThat(rows(output.assetId())).isZero();
        assertThat(exists(output.storagePath())).as("its object goes with it").isFalse();
    }

    @Test
    void anOutputNamingAnotherUsersObjectIsDeadLetteredAndTakesNothing() {
        String alice = TestSupport.newUser();
        String mallory = TestSupport.newUser();
        List<String> alicePlace = TestSupport.sessionWithRoom(alice);
        List<String> malloryPlace = TestSupport.sessionWithRoom(mallory);
        String photo = TestSupport.upload(alice, alicePlace.get(1), "photo", "a.jpg", "image/jpeg",
                TestSupport.jpeg(40, 30));
        String aliceKey = as(alice).get("/assets/" + photo).path("storagePath");
        OrderOutputReady honest = stored(UUID.fromString(malloryPlace.get(0)), UUID.fromString(malloryPlace.get(1)),
                mallory, null, ProcessingService.RENDER, TestSupport.jpeg(40, 30), "image/jpeg", "m.jpg");
        // alice's original as mallory's output, and mallory's output "into" alice's session
        OrderOutputReady otherKey = new OrderOutputReady(honest.assetId(), honest.orderId(), honest.jobId(),
                honest.sessionId(), honest.roomId(), mallory, null, ProcessingService.RENDER, "user-uploads", aliceKey,
                "image/jpeg", honest.fileSize(), honest.sha256(), "m.jpg");
        OrderOutputReady otherSession = new OrderOutputReady(honest.assetId(), honest.orderId(), honest.jobId(),
                UUID.fromString(alicePlace.get(0)), UUID.fromString(alicePlace.get(1)), mallory, null,
                ProcessingService.RENDER, "user-uploads", honest.storagePath(), "image/jpeg", honest.fileSize(),
                honest.sha256(), "m.jpg");
        KafkaTestClient.publish("order-service", otherKey);
        KafkaTestClient.publish("order-service", otherSession);

        String deadLetters = PlatformService.ASSET_SERVICE.deadLetter(Topic.ORDER_OUTPUT_READY);
        await().atMost(WAIT).until(() -> KafkaTestClient.records(deadLetters, honest.assetId().toString()).size() == 2);
        assertThat(rows(honest.assetId())).isZero();
        assertThat(exists(aliceKey)).isTrue();
        as(alice).get("/assets/" + photo).then().statusCode(200);
    }
}
