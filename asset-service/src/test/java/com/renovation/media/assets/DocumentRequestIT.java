package com.renovation.media.assets;

import com.renovation.media.assets.service.documents.DocumentExpiryCleanup;
import com.renovation.media.messaging.testing.KafkaTestClient;
import static com.renovation.media.assets.TestSupport.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.renovation.media.contracts.events.EventJson;
import com.renovation.media.contracts.events.EventPayload;
import com.renovation.media.contracts.events.payload.DocumentFailed;
import com.renovation.media.contracts.events.payload.DocumentReady;
import com.renovation.media.contracts.events.payload.SourceKind;
import com.renovation.media.contracts.events.payload.VariantReady;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Document requests through asset-service against the real engines: validation, versioning, the
 * document.requested event (read from Kafka), and the projection moved by document.ready / document.failed
 * events the test publishes as document-service would.
 */
@QuarkusTest
class DocumentRequestIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    DocumentExpiryCleanup expiry;

    private static Map<String, Object> checklist(String title) {
        return Map.of("documentType", "checklist_pdf", "phase", "design", "title", title,
                "content", Map.of("items", List.of(Map.of("text", "Order tiles", "done", false))));
    }

    private static Response post(String user, String session, Map<String, Object> body) {
        return as(user).body(body).post("/sessions/" + session + "/documents");
    }

    private static String accepted(String user, String session, Map<String, Object> body) {
        return post(user, session, body).then().statusCode(202).body("status", equalTo("pending"))
                .extract().path("id");
    }

    /** The data of the document.requested event for this document. */
    static JsonNode requested(String documentId) {
        List<JsonNode> found = new ArrayList<>();
        await().atMost(WAIT).until(() -> {
            KafkaTestClient.records("document.requested", documentId)
                    .forEach(r -> found.add(EventJson.read(r.value()).data()));
            return !found.isEmpty();
        });
        return found.get(0);
    }

    private static void publish(EventPayload payload) {
        KafkaTestClient.publish("document-service", payload);
    }

    @Test
    void aRequestIsAcceptedRecordedPendingAndAnnounced() {
        String user = TestSupport.newUser();
        String session = TestSupport.sessionWithRoom(user).get(0);
        Response response = post(user, session, checklist("Kitchen checklist"));
        response.then().statusCode(202).body("status", equalTo("pending")).body("version", equalTo(1));
        String id = response.path("id");

        as(user).get("/documents/" + id).then().statusCode(200).body("status", equalTo("pending"))
                .body("sessionId", equalTo(session)).body("documentType", equalTo("checklist_pdf"))
                .body("phase", equalTo("design")).body("version", equalTo(1)).body("current", equalTo(true))
                .body("previousVersionId", nullValue()).body("downloadUrl", nullValue());
        JsonNode event = requested(id);
        assertThat(event.get("sessionId").asText()).isEqualTo(session);
        assertThat(event.get("ownerId").asText()).isEqualTo(user);
        assertThat(event.get("version").asInt()).isEqualTo(1);
        assertThat(event.get("content").get("items").get(0).get("text").asText()).isEqualTo("Order tiles");
    }

    @Test
    void anEstimateCarriesTotalsComputedHereNotTheClients() {
        String user = TestSupport.newUser();
        String session = TestSupport.sessionWithRoom(user).get(0);
        String id = accepted(user, session, Map.of("documentType", "estimate_pdf", "title", "Estimate",
                "content", Map.of("currency", "EUR", "taxRate", "0.1", "total", "1.00", "lines", List.of(
                        Map.of("description", "Tiles", "quantity", "12.5", "unit", "m2", "unitPrice", "39.99"),
                        Map.of("description", "Labour", "quantity", 2, "unit", "day", "unitPrice", 300)))));

        JsonNode content = requested(id).get("content");
        assertThat(content.get("lines").get(0).get("lineTotal").asText()).isEqualTo("499.88");
        assertThat(content.get("subtotal").asText()).isEqualTo("1099.88");
        assertThat(content.get("tax").asText()).isEqualTo("109.99");
        assertThat(content.get("total").asText()).isEqualTo("1209.87");
    }

    @Test
    void theSameLineageGetsTheNextVersionLinkedToThePrevious() {
        String user = TestSupport.newUser();
        String session = TestSupport.sessionWithRoom(user).get(0);
        String v1 = accepted(user, session, checklist("First"));
        Response second = post(user, session, checklist("Second"));
        second.then().statusCode(202).body("version", equalTo(2));
        String v2 = second.path("id");
        String other = accepted(user, session, Map.of("documentType", "plan_pdf", "title", "Plan",
                "content", Map.of("sections", List.of(Map.of("heading", "Demolition", "text", "All of it")))));

        as(user).get("/documents/" + v2).then().body("previousVersionId", equalTo(v1)).body("current", equalTo(true));
        as(user).get("/documents/" + v1).then().body("current", equalTo(false));
        as(user).get("/documents/" + other).then().body("version", equalTo(1)).body("current", equalTo(true));
        as(user).get("/documents/" + v1 + "/versions").then().statusCode(200).body("items", hasSize(2))
                .body("items[0].id", equalTo(v2)).body("items[0].current", equalTo(true))
                .body("items[1].id", equalTo(v1)).body("items[1].current", equalTo(false));
        as(user).get("/sessions/" + session + "/documents?limit=2").then().statusCode(200)
                .body("items.id", equalTo(List.of(other, v2))).body("items[1].current", equalTo(true))
                .body("nextCursor", org.hamcrest.Matchers.notNullValue());
        assertThat(requested(v2).get("previousVersionId").asText()).isEqualTo(v1);
    }

    @Test
    void concurrentRequestsOfOneLineageGetDistinctVersions() {
        String user = TestSupport.newUser();
        String session = TestSupport.sessionWithRoom(user).get(0);
        List<CompletableFuture<Integer>> calls = IntStream.range(0, 5).mapToObj(i -> CompletableFuture.supplyAsync(
                () -> post(user, session, checklist("Race " + i)).then().statusCode(202)
                        .extract().<Integer>path("version"))).toList();
        List<Integer> versions = calls.stream().map(CompletableFuture::join).sorted().toList();
        assertThat(versions).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void badRequestsAreRefusedAndLeaveNothing() {
        String user = TestSupport.newUser();
        List<String> ids = TestSupport.sessionWithRoom(user);
        String session = ids.get(0);
        String otherSessionRoom = TestSupport.sessionWithRoom(user).get(1);
        String strangersRoom = TestSupport.sessionWithRoom(TestSupport.newUser()).get(1);
        List<Map<String, Object>> bad = new ArrayList<>();
        bad.add(Map.of("documentType", "checklist_pdf", "title", "t", "content", Map.of("items", List.of())));
        bad.add(Map.of("documentType", "poster_pdf", "title", "t", "content", Map.of()));
        bad.add(Map.of("documentType", "estimate_pdf", "title", "t", "content", Map.of("currency", "EUR",
                "lines", List.of(Map.of("description", "x", "quantity", -2, "unit", "m", "unitPrice", 1)))));
        bad.add(Map.of("documentType", "checklist_pdf", "title", "t", "content", Map.of("items",
                IntStream.range(0, 501).mapToObj(i -> Map.of("text", "item " + i, "done", false)).toList())));
        bad.add(Map.of("documentType", "room_report_pdf", "title", "t"));
        bad.add(Map.of("documentType", "room_report_pdf", "title", "t", "roomId", otherSessionRoom));
        bad.add(Map.of("documentType", "checklist_pdf", "title", "t", "expiresAt", "2020-01-01T00:00:00Z",
                "content", Map.of("items", List.of(Map.of("text", "a", "done", true)))));
        bad.add(Map.of("documentType", "checklist_pdf", "title", "",
                "content", Map.of("items", List.of(Map.of("text", "a", "done", true)))));
        for (Map<String, Object> body : bad) {
            post(user, session, body).then().statusCode(400)
                    .contentType(containsString("application/problem+json"));
        }
        post(user, session, Map.of("documentType", "room_report_pdf", "title", "t", "roomId", strangersRoom))
                .then().statusCode(404);
        post(TestSupport.newUser(), session, checklist("not mine")).then().statusCode(404);

        as(user).get("/sessions/" + session + "/documents").then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void refusalsNameTheFieldTheClientGotWrong() {
        String user = TestSupport.newUser();
        String session = TestSupport.sessionWithRoom(user).get(0);
        post(user, session, Map.of("documentType", "poster_pdf", "title", "t", "content", Map.of())).then()
                .statusCode(400).body("errors[0].field", equalTo("documentType"))
                .body("errors[0].message", containsString("checklist_pdf, plan_pdf, estimate_pdf, room_report_pdf"));
        post(user, session, Map.of("documentType", "estimate_pdf", "title", "t", "content", Map.of("currency", "EUR",
                "lines", List.of(Map.of("description", "x", "quantity", -2, "unit", "m", "unitPrice", 1))))).then()
                .statusCode(400).body("errors.field", equalTo(List.of("content.lines[0].quantity")));
        post(user, session, Map.of("documentType", "checklist_pdf", "title", "t", "content", Map.of("items",
                List.of(Map.of("text", " ", "done", "yes"))))).then()
                .statusCode(400).body("errors.field", equalTo(List.of("content.items[0].done")));
        post(user, session, Map.of("documentType", "plan_pdf", "title", "t", "content", Map.of("sections",
                List.of(Map.of("heading", "", "text", "x"), Map.of("heading", "h".repeat(201)))))).then()
                .statusCode(400).contentType(containsString("application/problem+json"))
                .body("errors.field", equalTo(List.of("content.sections[0].heading", "content.sections[1].heading")));
    }

    @Test
    void readyAndFailedEventsMoveTheProjection() {
        String user = TestSupport.newUser();
        String session = TestSupport.sessionWithRoom(user).get(0);
        String ok = accepted(user, session, checklist("Will work"));
        String broken = accepted(user, session, Map.of("documentType", "plan_pdf", "title", "Will fail",
                "content", Map.of("sections", List.of(Map.of("heading", "h", "text", "t")))));
        String key = "session_" + session + "/artifacts/checklist_pdf_v1_1.pdf";
        publish(new DocumentReady(UUID.fromString(ok), UUID.fromString(session), 1, "user-uploads", key, 4321, 3));
        publish(new DocumentFailed(UUID.fromString(broken), UUID.fromString(session), 1,
                "the image of asset z is corrupt or not an image"));

        await().atMost(WAIT).untilAsserted(() -> as(user).get("/documents/" + ok).then()
                .body("status", equalTo("ready")).body("pageCount", equalTo(3)).body("fileSize", equalTo(4321))
                .body("downloadUrl", containsString("X-Amz-Signature"))
                .body("downloadUrl", containsString("checklist_pdf_v1_1.pdf"))
                .body("downloadUrl", containsString("response-content-disposition=attachment")));
        await().atMost(WAIT).untilAsserted(() -> as(user).get("/documents/" + broken).then()
                .body("status", equalTo("failed")).body("error", containsString("corrupt"))
                .body("downloadUrl", nullValue()));
    }

    @Test
    void anotherOwnersDocumentsAreNotFound() {
        String user = TestSupport.newUser();
        String session = TestSupport.sessionWithRoom(user).get(0);
        String id = accepted(user, session, checklist("Private"));
        String stranger = TestSupport.newUser();
        as(stranger).get("/documents/" + id).then().statusCode(404);
        as(stranger).get("/documents/" + id + "/versions").then().statusCode(404);
        as(stranger).get("/sessions/" + session + "/documents").then().statusCode(404);
        as(user).get("/documents/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void aRoomReportCarriesASnapshotOfTheRoomWithoutDeletedAssets() {
        String user = TestSupport.newUser();
        List<String> ids = TestSupport.sessionWithRoom(user);
        String session = ids.get(0);
        String room = ids.get(1);
        String before = TestSupport.upload(user, room, "photo", "before.jpg", "image/jpeg", TestSupport.jpeg(400, 300));
        String after = TestSupport.upload(user, room, "photo", "after.png", "image/png", TestSupport.png(400, 300));
        String gone = TestSupport.upload(user, room, "photo", "gone.jpg", "image/jpeg", TestSupport.jpeg(40, 30));
        as(user).body(Map.of("caption", "Old kitchen", "altText", "Dark cabinets")).patch("/assets/" + before)
                .then().statusCode(200);
        String beforeKey = as(user).get("/assets/" + before).path("storagePath");
        String variantKey = beforeKey.replace("photos/", "photos/variants/") + "_optimized.jpg";
        publish(new VariantReady(SourceKind.ROOM_ASSET, UUID.fromString(before), "optimized", "jpeg", 400, 300, 999,
                "user-uploads", variantKey, "image/jpeg", 4));
        await().atMost(WAIT).untilAsserted(() -> as(user).get("/assets/" + before).then().body("variants", hasSize(1)));
        as(user).body(Map.of("beforeAssetId", before, "afterAssetId", after, "title", "Whole kitchen"))
                .post("/rooms/" + room + "/comparisons").then().statusCode(201);
        as(user).delete("/assets/" + gone).then().statusCode(204);

        Map<String, Object> body = new HashMap<>(Map.of("documentType", "room_report_pdf", "title", "Report",
                "roomId", room, "content", Map.of("notes", "Walls first")));
        Response response = post(user, session, body);
        response.then().statusCode(202).body("version", equalTo(1));
        JsonNode content = requested(response.path("id")).get("content");

        assertThat(content.get("room").get("id").asText()).isEqualTo(room);
        assertThat(content.get("notes").asText()).isEqualTo("Walls first");
        JsonNode images = content.get("images");
        assertThat(images).hasSize(2);
        JsonNode first = images.get(0).get("assetId").asText().equals(before) ? images.get(0) : images.get(1);
        JsonNode second = first == images.get(0) ? images.get(1) : images.get(0);
        assertThat(first.get("caption").asText()).isEqualTo("Old kitchen");
        assertThat(first.get("altText").asText()).isEqualTo("Dark cabinets");
        assertThat(first.get("variant").get("key").asText()).isEqualTo(variantKey);
        assertThat(first.get("original").get("key").asText()).isEqualTo(beforeKey);
        assertThat(first.get("original").get("contentType").asText()).isEqualTo("image/jpeg");
        assertThat(second.get("assetId").asText()).isEqualTo(after);
        assertThat(second.get("variant").isNull()).isTrue();
        assertThat(second.get("original").get("contentType").asText()).isEqualTo("image/png");
        assertThat(content.get("comparisons")).hasSize(1);
        assertThat(content.get("comparisons").get(0).get("beforeAssetId").asText()).isEqualTo(before);
        assertThat(content.get("render").get("imageCount").asInt()).isEqualTo(2);
        assertThat(content.get("render").get("variantType").asText()).isEqualTo("optimized");

        post(user, session, body).then().statusCode(202).body("version", equalTo(2));
    }

    @Test
    void expiredDocumentsLeaveTheProjection() throws Throwable {
        String user = TestSupport.newUser();
        String session = TestSupport.sessionWithRoom(user).get(0);
        Map<String, Object> body = new HashMap<>(checklist("Short-lived"));
        body.put("expiresAt", Instant.now().plusSeconds(2).toString());
        String id = accepted(user, session, body);
        String kept = accepted(user, session, checklist("Kept"));
        Thread.sleep(2500);

        // the scheduled round (every 5 minutes, first after 30 s) may have removed it first: either way it is gone
        VertxContextSupport.<Integer>subscribeAndAwait(() -> expiry.run());
        as(user).get("/documents/" + id).then().statusCode(404);
        as(user).get("/documents/" + kept).then().statusCode(200).body("previousVersionId", nullValue());
    }
}
