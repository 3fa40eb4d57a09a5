package com.renovation.media.assets;

import com.renovation.media.messaging.testing.KafkaTestClient;
import static com.renovation.media.assets.TestSupport.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import com.renovation.media.contracts.events.EventPayload;
import com.renovation.media.contracts.events.payload.SourceKind;
import com.renovation.media.contracts.events.payload.VariantFailed;
import com.renovation.media.contracts.events.payload.VariantReady;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** variant.ready / variant.failed, published as the variant-worker does, move the asset's projection. */
@QuarkusTest
class VariantProjectionIT {

    private static void publish(String eventJson, String key, String topic) {
        KafkaTestClient.send(topic, key, eventJson);
    }

    private static String publish(EventPayload payload) {
        return KafkaTestClient.publish("variant-worker", payload);
    }

    private static VariantReady ready(UUID asset, String key, String type, String format, int w, int h) {
        return new VariantReady(SourceKind.ROOM_ASSET, asset, type, format, w, h, 1234, "user-uploads",
                key.replace("photos/", "photos/variants/") + "_" + type + "." + format, "image/" + format, 4);
    }

    @Test
    void anAssetBecomesReadyWhenAllItsVariantsAreReadyAndDuplicatesChangeNothing() {
        String user = TestSupport.newUser();
        String roomId = TestSupport.sessionWithRoom(user).get(1);
        String assetId = TestSupport.upload(user, roomId, "photo", "a.jpg", "image/jpeg", TestSupport.jpeg(400, 300));
        String key = as(user).get("/assets/" + assetId).path("storagePath");
        UUID id = UUID.fromString(assetId);

        String first = publish(ready(id, key, "thumbnail", "jpeg", 267, 200));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> as(user).get("/assets/" + assetId).then()
                .body("status", equalTo("processing")).body("variants", hasSize(1)));
        publish(first, assetId, "variant.ready"); // redelivery of the same event
        publish(ready(id, key, "thumbnail", "webp", 267, 200));
        publish(ready(id, key, "optimized", "jpeg", 400, 300));
        publish(ready(id, key, "optimized", "webp", 400, 300));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> as(user).get("/assets/" + assetId).then()
                .body("status", equalTo("ready")).body("variants", hasSize(4))
                .body("variants.find { it.variantType == 'thumbnail' && it.format == 'webp' }.width", equalTo(267))
                .body("variants[0].url", containsString("X-Amz-Signature")));
    }

    @Test
    void aFailedVariantFailsTheAssetWithTheReasonButKeepsTheOriginalReadable() {
        String user = TestSupport.newUser();
        String roomId = TestSupport.sessionWithRoom(user).get(1);
        String assetId = TestSupport.upload(user, roomId, "photo", "b.jpg", "image/jpeg", TestSupport.jpeg(40, 30));
        publish(new VariantFailed(SourceKind.ROOM_ASSET, UUID.fromString(assetId), "all", null,
                "image is 30000x30000 = 900 MP, above the 50 MP limit", 1));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> as(user).get("/assets/" + assetId).then()
                .body("status", equalTo("failed")).body("failureReason", containsString("900 MP"))
                .body("downloadUrl", notNullValue()).body("variants", hasSize(0)));
    }

    @Test
    void eventsOfDeletedOrUnknownAssetsAreIgnored() {
        UUID unknown = UUID.randomUUID();
        publish(ready(unknown, "session_x/room_y/photos/1_a.jpg", "thumbnail", "jpeg", 1, 1));
        // the consumer goes on: a later event for a real asset is still applied
        String user = TestSupport.newUser();
        String roomId = TestSupport.sessionWithRoom(user).get(1);
        String assetId = TestSupport.upload(user, roomId, "photo", "c.jpg", "image/jpeg", TestSupport.jpeg(40, 30));
        String key = as(user).get("/assets/" + assetId).path("storagePath");
        publish(ready(UUID.fromString(assetId), key, "thumbnail", "jpeg", 40, 30));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> as(user).get("/assets/" + assetId).then()
                .body("variants", hasSize(1)));
    }
}
