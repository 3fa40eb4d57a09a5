package com.renovation.media.assets;

import static com.renovation.media.assets.TestSupport.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.renovation.media.contracts.events.PlatformService;
import com.renovation.media.contracts.events.Topic;
import com.renovation.media.contracts.events.payload.DocumentReady;
import com.renovation.media.contracts.events.payload.SourceKind;
import com.renovation.media.contracts.events.payload.VariantReady;
import com.renovation.media.messaging.testing.KafkaTestClient;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Events that would make asset-service sign a URL for a key outside the asset's or session's own place (another
 * user's photo, the catalog bucket) are refused to the dead-letter topic and change nothing; a genuine event
 * published after them is still applied.
 */
@QuarkusTest
class ForgedEventsIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private static void awaitDeadLetter(String topic, String key) {
        await().atMost(WAIT).until(() -> !KafkaTestClient.records(topic, key).isEmpty());
    }

    private static VariantReady variant(UUID asset, String bucket, String key) {
        return new VariantReady(SourceKind.ROOM_ASSET, asset, "thumbnail", "jpeg", 40, 30, 100, bucket, key,
                "image/jpeg", 1);
    }

    @Test
    void aVariantPointingOutsideItsOriginalsFolderIsDeadLettered() {
        String alice = TestSupport.newUser();
        String mallory = TestSupport.newUser();
        String aliceAsset = TestSupport.upload(alice, TestSupport.sessionWithRoom(alice).get(1), "photo", "a.jpg",
                "image/jpeg", TestSupport.jpeg(40, 30));
        String malloryAsset = TestSupport.upload(mallory, TestSupport.sessionWithRoom(mallory).get(1), "photo",
                "m.jpg", "image/jpeg", TestSupport.jpeg(40, 30));
        String aliceKey = as(alice).get("/assets/" + aliceAsset).path("storagePath");
        String malloryKey = as(mallory).get("/assets/" + malloryAsset).path("storagePath");
        UUID target = UUID.fromString(malloryAsset);

        // mallory's asset "gets" alice's original, a path escaping the folder, and another bucket
        for (VariantReady forged : List.of(variant(target, "user-uploads", aliceKey),
                variant(target, "user-uploads", malloryKey.replace("photos/", "photos/variants/../../")),
                variant(target, "styles", malloryKey.replace("photos/", "photos/variants/") + "_t.jpg"))) {
            KafkaTestClient.publish("variant-worker", forged);
        }
        await().atMost(WAIT).until(() -> KafkaTestClient.records(PlatformService.ASSET_SERVICE.deadLetter(Topic.VARIANT_READY), malloryAsset)
                .size() == 3);

        KafkaTestClient.publish("variant-worker", variant(target, "user-uploads",
                malloryKey.replace("photos/", "photos/variants/") + "_thumbnail.jpeg"));
        await().atMost(WAIT).untilAsserted(() -> as(mallory).get("/assets/" + malloryAsset).then()
                .body("status", equalTo("ready")).body("variants", hasSize(1)));
        assertThat(as(mallory).get("/assets/" + malloryAsset).path("variants[0].url").toString())
                .doesNotContain(aliceKey).contains("/variants/");
    }

    @Test
    void aDocumentPointingOutsideItsSessionsArtifactsIsDeadLettered() {
        String user = TestSupport.newUser();
        String session = TestSupport.sessionWithRoom(user).get(0);
        String other = TestSupport.sessionWithRoom(TestSupport.newUser()).get(0);
        String document = as(user).body(Map.of("documentType", "checklist_pdf", "phase", "design", "title", "t",
                "content", Map.of("items", List.of(Map.of("text", "Order tiles", "done", false)))))
                .post("/sessions/" + session + "/documents").then().statusCode(202).extract().path("id");
        UUID id = UUID.fromString(document);
        UUID sessionId = UUID.fromString(session);

        for (DocumentReady forged : List.of(
                new DocumentReady(id, sessionId, 1, "user-uploads", "session_" + other + "/artifacts/x.pdf", 1, 1),
                new DocumentReady(id, UUID.fromString(other), 1, "user-uploads",
                        "session_" + other + "/artifacts/x.pdf", 1, 1),
                new DocumentReady(id, sessionId, 1, "styles", "session_" + session + "/artifacts/x.pdf", 1, 1))) {
            KafkaTestClient.publish("document-service", forged);
        }
        awaitDeadLetter(PlatformService.ASSET_SERVICE.deadLetter(Topic.DOCUMENT_READY), document);
        await().atMost(WAIT).until(() -> KafkaTestClient.records(PlatformService.ASSET_SERVICE.deadLetter(Topic.DOCUMENT_READY), document)
                .size() == 3);
        as(user).get("/documents/" + document).then().body("status", equalTo("pending"));
    }
}
