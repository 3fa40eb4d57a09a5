package com.renovation.media.assets;

import static com.renovation.media.assets.TestSupport.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.renovation.media.assets.repository.CatalogImage;
import com.renovation.media.assets.repository.CatalogImageRepository;
import com.renovation.media.contracts.events.PlatformService;
import com.renovation.media.contracts.events.Topic;
import com.renovation.media.contracts.events.Topics;
import com.renovation.media.contracts.events.payload.CatalogImagePublished;
import com.renovation.media.contracts.events.payload.DocumentReady;
import com.renovation.media.contracts.events.payload.SourceKind;
import com.renovation.media.contracts.events.payload.VariantReady;
import com.renovation.media.messaging.testing.KafkaTestClient;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Events that would make asset-service sign a URL for a key outside the asset's or session's own place (another
 * user's photo, the catalog bucket), or a catalog image's outside its style's variants in the public bucket, are
 * refused to the dead-letter topic and change nothing, as are records that are no event; a genuine event
 * published after them is still applied.
 */
@QuarkusTest
class ForgedEventsIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    CatalogImageRepository catalogImages;

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

    private static CatalogImagePublished catalogImage(UUID id, String slug, String bucket, String key) {
        return new CatalogImagePublished(id, 1, slug, "Oak bed", null, "image/jpeg", 960, 640, bucket,
                List.of(new CatalogImagePublished.Variant("thumbnail", "jpeg", key, "image/jpeg", 300, 200, 10L)));
    }

    private CatalogImage catalogRow(UUID id) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> catalogImages.findById(id)));
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aCatalogImageWithKeysOutsideItsStylesVariantsIsDeadLettered() {
        UUID id = UUID.randomUUID();
        String slug = "forged-" + id.toString().substring(0, 8);
        String variants = "styles/" + slug + "/variants/";
        String user = TestSupport.newUser();
        String asset = TestSupport.upload(user, TestSupport.sessionWithRoom(user).get(1), "photo", "a.jpg",
                "image/jpeg", TestSupport.jpeg(40, 30));
        String usersKey = as(user).get("/assets/" + asset).path("storagePath");

        List<CatalogImagePublished> forged = List.of(
                catalogImage(id, slug, "user-uploads", usersKey), // a user's private photo
                catalogImage(id, slug, "user-uploads", variants + "oak_thumbnail_300x200.jpg"), // the private bucket
                catalogImage(id, slug, "styles", "styles/other-style/variants/oak_thumbnail_300x200.jpg"),
                catalogImage(id, slug, "styles", variants + "../../../" + usersKey), // climbs out
                catalogImage(id, slug, "styles", "styles/" + slug + "/oak.jpg"), // an original, not a variant
                catalogImage(id, "..", "styles", "styles/../variants/oak_thumbnail_300x200.jpg"), // no style
                new CatalogImagePublished(id, 0, slug, "Oak bed", null, "image/jpeg", 960, 640, "styles", List.of()));
        for (CatalogImagePublished event : forged) {
            KafkaTestClient.publish("catalog-service", event);
        }
        KafkaTestClient.send(Topics.CATALOG_IMAGE_PUBLISHED, id.toString(), "{not an event");
        // withdrawals naming no image, or without a version
        for (String data : List.of("{}", "{\"styleImageId\":\"" + id + "\"}")) {
            KafkaTestClient.send(Topics.CATALOG_IMAGE_WITHDRAWN, id.toString(), "{\"id\":\"" + UUID.randomUUID()
                    + "\",\"type\":\"catalog.image.withdrawn\",\"subject\":\"" + id + "\",\"data\":" + data + "}");
        }

        await().atMost(WAIT).until(() -> KafkaTestClient.records(
                PlatformService.ASSET_SERVICE.deadLetter(Topic.CATALOG_IMAGE_PUBLISHED), id.toString()).size()
                == forged.size() + 1);
        await().atMost(WAIT).until(() -> KafkaTestClient.records(
                PlatformService.ASSET_SERVICE.deadLetter(Topic.CATALOG_IMAGE_WITHDRAWN), id.toString()).size() == 2);
        assertThat(catalogRow(id)).isNull();

        // the genuine event, published after them, is applied: the consumer went on
        KafkaTestClient.publish("catalog-service", catalogImage(id, slug, "styles", variants
                + "oak_thumbnail_300x200.jpg"));
        await().atMost(WAIT).until(() -> catalogRow(id) != null);
        assertThat(catalogRow(id).variants).extracting(CatalogImage.Variant::key)
                .containsExactly(variants + "oak_thumbnail_300x200.jpg");
    }
}
