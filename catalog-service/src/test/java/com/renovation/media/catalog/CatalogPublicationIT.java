package com.renovation.media.catalog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.renovation.media.catalog.service.PublicationBackfill;
import com.renovation.media.catalog.service.seed.CatalogSeeder;
import com.renovation.media.contracts.events.EventEnvelope;
import com.renovation.media.contracts.events.EventJson;
import com.renovation.media.contracts.events.Topics;
import com.renovation.media.contracts.events.payload.SourceKind;
import com.renovation.media.contracts.events.payload.VariantReady;
import com.renovation.media.messaging.testing.KafkaTestClient;
import com.renovation.media.storage.layout.StoragePaths;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * What the public API shows of an image reaches other services as {@code catalog.image.published} (read here off
 * Kafka, as asset-service reads it), again with every change of it and only then, with growing versions; its
 * deletion, alone or with its style, as {@code catalog.image.withdrawn}.
 */
@QuarkusTest
class CatalogPublicationIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    CatalogSeeder seeder;

    @Inject
    AgroalDataSource db;

    @Inject
    PublicationBackfill backfill;

    @ConfigProperty(name = "quarkus.s3.endpoint-override")
    String s3Endpoint;

    private static List<JsonNode> events(String topic, String imageId) {
        return KafkaTestClient.eventData(topic, imageId);
    }

    /** The image's events of the topic once there are {@code count}, oldest first. */
    private static List<JsonNode> awaitEvents(String topic, String imageId, int count) {
        await().atMost(WAIT).until(() -> events(topic, imageId).size() >= count);
        List<JsonNode> events = events(topic, imageId);
        assertThat(events).hasSize(count);
        return events;
    }

    /** The image's published events in its outbox: committed with the change, so countable at once. */
    private long publishedInOutbox(String imageId) {
        return CatalogDatabase.count(db, "SELECT count(*) FROM catalog.outbox WHERE topic = '"
                + Topics.CATALOG_IMAGE_PUBLISHED + "' AND subject = ?", imageId);
    }

    private static JsonPath image(String slug, String roomType) {
        return given().get("/styles/" + slug + "/images?roomType=" + roomType).then().statusCode(200).extract()
                .jsonPath().setRootPath("items[0]");
    }

    @Test
    void anImageIsPublishedAsTheApiServesItAgainOnEachChangeAndWithdrawnWhenDeleted() {
        String run = TestSupport.newRun();
        TestSupport.seed(seeder, TestSupport.testManifest("seed-test/catalog.json", run));
        String alpha = TestSupport.slug("test-alpha", run);
        JsonPath served = image(alpha, "living_room");
        String id = served.getString("id");

        JsonNode first = awaitEvents(Topics.CATALOG_IMAGE_PUBLISHED, id, 1).get(0);
        assertThat(first.get("styleImageId").asText()).isEqualTo(id);
        assertThat(first.get("version").asLong()).isEqualTo(1);
        assertThat(first.get("styleSlug").asText()).isEqualTo(alpha);
        assertThat(first.get("title").asText()).isEqualTo("Alpha living room");
        assertThat(first.get("altText").asText()).isEqualTo("A living room");
        assertThat(first.get("contentType").asText()).isEqualTo("image/jpeg");
        assertThat(first.get("width").asInt()).isEqualTo(served.getInt("width"));
        assertThat(first.get("height").asInt()).isEqualTo(served.getInt("height"));
        assertThat(first.get("bucket").asText()).isEqualTo("styles");
        assertThat(first.get("variants")).isEmpty();

        // a variant is served at once, so the image is published again; the same record twice counts once
        String original = served.getString("url").substring((s3Endpoint + "/styles/").length());
        String key = StoragePaths.variantKey(original, "thumbnail", 300, 200, "jpg");
        String ready = EventJson.write(EventEnvelope.wrap("variant-worker", new VariantReady(SourceKind.STYLE_IMAGE,
                java.util.UUID.fromString(id), "thumbnail", "jpeg", 300, 200, 1234, "styles", key, "image/jpeg", 4)));
        KafkaTestClient.send(Topics.VARIANT_READY, id, ready);
        KafkaTestClient.send(Topics.VARIANT_READY, id, ready);
        JsonNode second = awaitEvents(Topics.CATALOG_IMAGE_PUBLISHED, id, 2).get(1);
        assertThat(second.get("version").asLong()).isEqualTo(2);
        JsonNode variant = second.get("variants").get(0);
        assertThat(second.get("variants")).hasSize(1);
        assertThat(Map.of("variantType", variant.get("variantType").asText(), "format", variant.get("format").asText(),
                "key", variant.get("key").asText(), "contentType", variant.get("contentType").asText()))
                .isEqualTo(Map.of("variantType", "thumbnail", "format", "jpeg", "key", key, "contentType",
                        "image/jpeg"));
        assertThat(List.of(variant.get("width").asInt(), variant.get("height").asInt(),
                variant.get("fileSize").asInt())).containsExactly(300, 200, 1234);
        // the URL the public API serves is the event's bucket and key
        assertThat(image(alpha, "living_room").getString("variants[0].url"))
                .isEqualTo(s3Endpoint + "/" + second.get("bucket").asText() + "/" + variant.get("key").asText());
        assertThat(publishedInOutbox(id)).isEqualTo(2);

        // nothing it shows changed: neither an unchanged seeding nor a new room type publishes it
        TestSupport.seed(seeder, TestSupport.testManifest("seed-test/catalog.json", run));
        given().auth().oauth2(TestSupport.adminToken()).contentType("application/json")
                .body(Map.of("roomType", "lounge")).patch("/admin/images/" + id).then().statusCode(200);
        assertThat(publishedInOutbox(id)).isEqualTo(2);

        // a new caption is a new title, whether from a seeding or the admin API
        TestSupport.seed(seeder, TestSupport.testManifest("seed-test/catalog-caption-edited.json", run));
        given().auth().oauth2(TestSupport.adminToken()).contentType("application/json")
                .body(Map.of("altText", "A bright living room")).patch("/admin/images/" + id).then().statusCode(200);
        List<JsonNode> published = awaitEvents(Topics.CATALOG_IMAGE_PUBLISHED, id, 4);
        assertThat(published.get(2).get("title").asText()).isEqualTo("Alpha living room, caption edited");
        assertThat(published.get(3).get("altText").asText()).isEqualTo("A bright living room");
        assertThat(published.stream().map(e -> e.get("version").asLong())).containsExactly(1L, 2L, 3L, 4L);
        assertThat(published.get(3).get("variants")).hasSize(1);

        given().auth().oauth2(TestSupport.adminToken()).delete("/admin/images/" + id).then().statusCode(204);
        JsonNode withdrawn = awaitEvents(Topics.CATALOG_IMAGE_WITHDRAWN, id, 1).get(0);
        assertThat(withdrawn.get("styleImageId").asText()).isEqualTo(id);
        assertThat(withdrawn.get("version").asLong()).isEqualTo(5);
    }

    @Test
    void deletingAStyleWithdrawsEachOfItsImages() {
        String run = TestSupport.newRun();
        TestSupport.seed(seeder, TestSupport.testManifest("seed-test/catalog.json", run));
        String alpha = TestSupport.slug("test-alpha", run);
        List<String> ids = given().get("/styles/" + alpha + "/images").then().statusCode(200).extract().jsonPath()
                .getList("items.id", String.class);
        assertThat(ids).hasSize(4);
        String beta = image(TestSupport.slug("test-beta", run), "bedroom").getString("id");

        given().auth().oauth2(TestSupport.adminToken()).delete("/admin/styles/" + alpha).then().statusCode(204);

        for (String id : ids) {
            JsonNode withdrawn = awaitEvents(Topics.CATALOG_IMAGE_WITHDRAWN, id, 1).get(0);
            assertThat(withdrawn.get("version").asLong()).as(id).isEqualTo(2);
        }
        // the other style's image stays public
        assertThat(events(Topics.CATALOG_IMAGE_WITHDRAWN, beta)).isEmpty();
    }

    private int backfill() {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> backfill.publishUnpublished());
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anImagePublicBeforeTheseEventsIsPublishedOnceByTheBackfill() throws SQLException {
        String run = TestSupport.newRun();
        TestSupport.seed(seeder, TestSupport.testManifest("seed-test/catalog.json", run));
        String id = image(TestSupport.slug("test-beta", run), "bedroom").getString("id");
        awaitEvents(Topics.CATALOG_IMAGE_PUBLISHED, id, 1);
        // as if it had become public before the catalog published its images
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "UPDATE catalog.style_images SET published_version = 0 WHERE id = ?::uuid")) {
            s.setString(1, id);
            assertThat(s.executeUpdate()).isEqualTo(1);
        }

        assertThat(backfill()).isEqualTo(1);
        assertThat(backfill()).isZero();
        JsonNode again = awaitEvents(Topics.CATALOG_IMAGE_PUBLISHED, id, 2).get(1);
        assertThat(again.get("title").asText()).isEqualTo("Beta bedroom");
        assertThat(again.get("version").asLong()).isEqualTo(1);
    }
}
