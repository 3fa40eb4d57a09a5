package com.renovation.media.assets;

import static com.renovation.media.assets.ArtefactTestSupport.createPlan;
import static com.renovation.media.assets.ArtefactTestSupport.objectsUnder;
import static com.renovation.media.assets.TestSupport.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.renovation.media.assets.service.artefacts.ExportExpiry;
import com.renovation.media.contracts.events.EventJson;
import com.renovation.media.contracts.events.PlatformService;
import com.renovation.media.contracts.events.Topic;
import com.renovation.media.contracts.events.Topics;
import com.renovation.media.contracts.artefacts.ExportFormat;
import com.renovation.media.contracts.events.payload.ArtefactRenderFailed;
import com.renovation.media.contracts.events.payload.ArtefactRendered;
import com.renovation.media.messaging.testing.KafkaTestClient;
import com.renovation.media.storage.layout.StoragePaths;
import com.renovation.media.storage.s3.ObjectStore;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The artefact events both ways: a new version announced to document-service; its thumbnail and exports coming
 * back (with keys checked against the computed ones, a forged key dead-lettered, a render for a deleted artefact
 * deleted from S3), exports requested with the right fields, downloaded once ready, and gone once expired.
 */
@QuarkusTest
class ArtefactRendersIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    ObjectStore objects;

    @Inject
    ExportExpiry expiry;

    private record Plan(String user, UUID session, UUID room, UUID id) {
    }

    private static Plan plan(boolean inRoom) {
        String user = TestSupport.newUser();
        List<String> ids = TestSupport.sessionWithRoom(user);
        String id = createPlan(user, ids.get(0), inRoom ? ids.get(1) : null);
        return new Plan(user, UUID.fromString(ids.get(0)), inRoom ? UUID.fromString(ids.get(1)) : null,
                UUID.fromString(id));
    }

    private static ArtefactRendered thumbnail(Plan plan, int version, String bucket, String key) {
        return new ArtefactRendered(plan.id(), plan.session(), plan.room(), version, null, ExportFormat.PNG, bucket,
                key, 1234, 400, 300);
    }

    @Test
    void aNewVersionIsAnnouncedAndItsThumbnailBecomesASignedUrl() {
        Plan plan = plan(true);
        JsonNode created = await().atMost(WAIT).until(() -> KafkaTestClient.eventData(Topics.ARTEFACT_VERSION_CREATED,
                plan.id().toString()), list -> !list.isEmpty()).get(0);
        assertThat(created.get("sessionId").asText()).isEqualTo(plan.session().toString());
        assertThat(created.get("roomId").asText()).isEqualTo(plan.room().toString());
        assertThat(created.get("ownerId").asText()).isEqualTo(plan.user());
        assertThat(created.get("kind").asText()).isEqualTo("floorplan");
        assertThat(created.get("version").asInt()).isEqualTo(1);
        assertThat(created.get("bucket").asText()).isEqualTo("user-uploads");
        String sourceKey = created.get("sourceKey").asText();
        assertThat(StoragePaths.isObjectIn(StoragePaths.artefactSourcesPrefix(plan.session(), plan.room(), plan.id()),
                sourceKey)).isTrue();
        assertThat(new String(objects.read("user-uploads", sourceKey).await().atMost(WAIT), StandardCharsets.UTF_8))
                .isEqualTo(as(plan.user()).get("/artefacts/" + plan.id() + "/versions/1").path("content"));

        String key = StoragePaths.artefactThumbnailKey(plan.session(), plan.room(), plan.id(), 1);
        byte[] png = TestSupport.png(400, 300);
        ArtefactTestSupport.put(objects, key, png, "image/png");
        KafkaTestClient.publish("document-service", thumbnail(plan, 1, "user-uploads", key));
        await().atMost(WAIT).untilAsserted(() -> as(plan.user()).get("/artefacts/" + plan.id()).then()
                .body("thumbnailStatus", equalTo("ready")));
        String url = as(plan.user()).get("/artefacts/" + plan.id()).path("thumbnailUrl");
        HttpResponse<byte[]> got = TestSupport.get(url);
        assertThat(got.statusCode()).isEqualTo(200);
        assertThat(got.body()).isEqualTo(png);
        as(plan.user()).get("/artefacts/" + plan.id() + "/versions").then()
                .body("items[0].thumbnailUrl", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void aThumbnailThatFailedSaysWhy() {
        Plan plan = plan(false);
        KafkaTestClient.publish("document-service", new ArtefactRenderFailed(plan.id(), plan.session(), null, 1, null,
                "the drawing has no visible element"));
        await().atMost(WAIT).untilAsserted(() -> as(plan.user()).get("/artefacts/" + plan.id()).then()
                .body("thumbnailStatus", equalTo("failed")).body("thumbnailUrl", nullValue()));
    }

    @Test
    void aRenderWhoseKeyIsNotTheComputedOneIsDeadLettered() {
        Plan plan = plan(true);
        Plan other = plan(true);
        String own = StoragePaths.artefactThumbnailKey(plan.session(), plan.room(), plan.id(), 1);
        List<ArtefactRendered> forged = List.of(
                thumbnail(plan, 1, "user-uploads", StoragePaths.artefactThumbnailKey(other.session(), other.room(),
                        other.id(), 1)),
                thumbnail(plan, 1, "user-uploads", own.replace("thumbnails/", "thumbnails/../../")),
                thumbnail(plan, 1, "styles", own),
                thumbnail(plan, 1, "user-uploads", StoragePaths.artefactThumbnailKey(plan.session(), plan.room(),
                        plan.id(), 2)),
                // the other artefact's own key, but claimed for this artefact's id in the other's session
                new ArtefactRendered(plan.id(), other.session(), other.room(), 1, null, ExportFormat.PNG,
                        "user-uploads", StoragePaths.artefactThumbnailKey(other.session(), other.room(), plan.id(), 1),
                        1, 400, 300));
        forged.forEach(event -> KafkaTestClient.publish("document-service", event));
        await().atMost(WAIT).until(() -> KafkaTestClient.records(PlatformService.ASSET_SERVICE
                .deadLetter(Topic.ARTEFACT_RENDERED), plan.id().toString()).size() == forged.size());
        as(plan.user()).get("/artefacts/" + plan.id()).then().body("thumbnailStatus", equalTo("pending"));
    }

    @Test
    void aRenderForADeletedArtefactIsRemovedFromS3() {
        Plan plan = plan(true);
        as(plan.user()).delete("/artefacts/" + plan.id()).then().statusCode(204);
        String key = StoragePaths.artefactThumbnailKey(plan.session(), plan.room(), plan.id(), 1);
        ArtefactTestSupport.put(objects, key, TestSupport.png(40, 30), "image/png");
        KafkaTestClient.publish("document-service", thumbnail(plan, 1, "user-uploads", key));
        await().atMost(WAIT).until(() -> objectsUnder(objects, StoragePaths.artefactPrefix(plan.session(),
                plan.room(), plan.id())).isEmpty());
    }

    @Test
    void anExportIsRequestedRenderedDownloadedAndExpires() throws Throwable {
        Plan plan = plan(true);
        as(plan.user()).body(Map.of("content", ArtefactTestSupport.plan("v2"), "baseVersion", 1))
                .put("/artefacts/" + plan.id()).then().statusCode(200);
        Response requested = as(plan.user()).body(Map.of("format", "png", "version", 1, "width", 1000))
                .post("/artefacts/" + plan.id() + "/exports");
        requested.then().statusCode(202).body("status", equalTo("pending")).body("width", equalTo(1000))
                .body("version", equalTo(1)).body("downloadUrl", nullValue());
        String exportId = requested.path("id");
        assertThat(requested.header("Location")).endsWith("/exports/" + exportId);

        JsonNode event = await().atMost(WAIT).until(() -> KafkaTestClient.eventData(Topics.ARTEFACT_EXPORT_REQUESTED,
                plan.id().toString()), list -> !list.isEmpty()).get(0);
        assertThat(event.get("exportId").asText()).isEqualTo(exportId);
        assertThat(event.get("format").asText()).isEqualTo("png");
        assertThat(event.get("width").asInt()).isEqualTo(1000);
        assertThat(event.get("version").asInt()).isEqualTo(1);
        assertThat(event.get("title").asText()).isEqualTo("Ground floor");
        assertThat(event.get("kind").asText()).isEqualTo("floorplan");
        assertThat(event.get("ownerId").asText()).isEqualTo(plan.user());
        assertThat(event.get("sourceKey").asText()).isEqualTo(firstSourceKey(plan));

        String key = StoragePaths.artefactExportKey(plan.session(), plan.room(), plan.id(), UUID.fromString(exportId),
                "png");
        byte[] png = TestSupport.png(1000, 750);
        ArtefactTestSupport.put(objects, key, png, "image/png");
        KafkaTestClient.publish("document-service", new ArtefactRendered(plan.id(), plan.session(), plan.room(), 1,
                UUID.fromString(exportId), ExportFormat.PNG, "user-uploads", key, png.length, 1000, 750));
        await().atMost(WAIT).untilAsserted(() -> as(plan.user()).get("/exports/" + exportId).then().statusCode(200)
                .body("status", equalTo("ready")).body("bytes", equalTo(png.length)));
        HttpResponse<byte[]> download = TestSupport.get(as(plan.user()).get("/exports/" + exportId)
                .path("downloadUrl"));
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(png);
        assertThat(download.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                value -> assertThat(value).startsWith("attachment"));

        ArtefactTestSupport.update("UPDATE artefact_exports SET expires_at = now() - interval '1 minute'"
                + " WHERE id = :id", Map.of("id", UUID.fromString(exportId)));
        as(plan.user()).get("/exports/" + exportId).then().statusCode(404);
        VertxContextSupport.subscribeAndAwait(() -> expiry.run());
        assertThat(objectsUnder(objects, key)).isEmpty();
        assertThat(ArtefactTestSupport.sql("SELECT count(*) FROM artefact_exports WHERE id = :id",
                Map.of("id", UUID.fromString(exportId)))).satisfies(n -> assertThat(((Number) n).intValue()).isZero());
    }

    @Test
    void exportRequestsAreChecked() {
        Plan plan = plan(false);
        String exports = "/artefacts/" + plan.id() + "/exports";
        as(plan.user()).body(Map.of("format", "pdf", "width", 800)).post(exports).then().statusCode(400);
        as(plan.user()).body(Map.of("format", "png", "width", 4097)).post(exports).then().statusCode(400);
        as(plan.user()).body(Map.of("format", "png", "width", 0)).post(exports).then().statusCode(400);
        as(plan.user()).body(Map.of("format", "gif")).post(exports).then().statusCode(400);
        as(plan.user()).body(Map.of("format", "svg", "version", 7)).post(exports).then().statusCode(400)
                .body("detail", org.hamcrest.Matchers.containsString("versions kept: [1]"));
        as(plan.user()).body(Map.of("format", "png")).post(exports).then().statusCode(202)
                .body("width", equalTo(1600));
        String admin = TestSupport.adminToken("admin-" + UUID.randomUUID());
        io.restassured.RestAssured.given().auth().oauth2(admin).contentType("application/json")
                .body(Map.of("format", "pdf")).post(exports).then().statusCode(202).body("width", nullValue());
        as(TestSupport.newUser()).body(Map.of("format", "pdf")).post(exports).then().statusCode(404);
    }

    @TestHTTPResource("/")
    URI base;

    @Test
    void theOwnersLiveChannelFollowsAnArtefact() throws InterruptedException {
        String user = TestSupport.newUser();
        List<String> ids = TestSupport.sessionWithRoom(user);
        try (SseTestClient stream = SseTestClient.open(base, TestSupport.token(user), null)) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.next(WAIT).event()).isEqualTo("stream.ready");
            String id = createPlan(user, ids.get(0), ids.get(1));
            assertLive(stream.next(WAIT), "artefact.changed", Map.of("artefactId", id, "sessionId", ids.get(0),
                    "roomId", ids.get(1), "version", "1", "thumbnailStatus", "pending"));

            Plan plan = new Plan(user, UUID.fromString(ids.get(0)), UUID.fromString(ids.get(1)), UUID.fromString(id));
            String key = StoragePaths.artefactThumbnailKey(plan.session(), plan.room(), plan.id(), 1);
            ArtefactTestSupport.put(objects, key, TestSupport.png(400, 300), "image/png");
            KafkaTestClient.publish("document-service", thumbnail(plan, 1, "user-uploads", key));
            assertLive(stream.next(WAIT), "artefact.changed", Map.of("artefactId", id, "version", "1",
                    "thumbnailStatus", "ready"));

            String exportId = as(user).body(Map.of("format", "pdf")).post("/artefacts/" + id + "/exports").then()
                    .statusCode(202).extract().path("id");
            KafkaTestClient.publish("document-service", new ArtefactRenderFailed(plan.id(), plan.session(),
                    plan.room(), 1, UUID.fromString(exportId), "the drawing does not fit a page"));
            assertLive(stream.next(WAIT), "export.changed", Map.of("exportId", exportId, "artefactId", id,
                    "status", "failed"));
            as(user).get("/exports/" + exportId).then().body("status", equalTo("failed"))
                    .body("error", equalTo("the drawing does not fit a page")).body("downloadUrl", nullValue());

            as(user).delete("/artefacts/" + id).then().statusCode(204);
            assertLive(stream.next(WAIT), "artefact.deleted", Map.of("artefactId", id, "roomId", ids.get(1)));
        }
    }

    private static void assertLive(SseTestClient.SseEvent event, String name, Map<String, String> fields) {
        assertThat(event.event()).isEqualTo(name);
        JsonNode data;
        try {
            data = EventJson.MAPPER.readTree(event.data());
        } catch (java.io.IOException e) {
            throw new AssertionError(name + " data is not JSON: " + event.data(), e);
        }
        fields.forEach((field, value) -> assertThat(data.path(field).asText()).as(name + " " + field)
                .isEqualTo(value));
    }

    private String firstSourceKey(Plan plan) {
        return (String) ArtefactTestSupport.sql("SELECT source_key FROM artefact_versions WHERE artefact_id = :id"
                + " AND version = 1", Map.of("id", plan.id()));
    }
}
