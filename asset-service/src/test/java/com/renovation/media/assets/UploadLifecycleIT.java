package com.renovation.media.assets;

import com.renovation.media.messaging.testing.KafkaTestClient;
import static com.renovation.media.assets.TestSupport.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.renovation.media.contracts.events.EventJson;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

@QuarkusTest
class UploadLifecycleIT {

    @Inject
    S3Client s3;

    private List<String> keysUnder(String prefix) {
        return s3.listObjectsV2Paginator(b -> b.bucket("user-uploads").prefix(prefix)).contents().stream()
                .map(o -> o.key()).toList();
    }

    @Test
    void requestPutConfirmGetDownload() throws Exception {
        String user = TestSupport.newUser();
        List<String> ids = TestSupport.sessionWithRoom(user);
        String sessionId = ids.get(0);
        String roomId = ids.get(1);
        byte[] photo = TestSupport.jpeg(640, 480);

        Response ticket = TestSupport.requestUpload(user, roomId, "photo", "My Kitchen.JPG", "image/jpeg", photo.length);
        ticket.then().statusCode(201).body("method", equalTo("PUT")).body("headers.Content-Type", equalTo("image/jpeg"))
                .body("expiresAt", notNullValue());
        String assetId = ticket.path("assetId");
        String key = ticket.path("storagePath");
        assertThat(key).startsWith("session_" + sessionId + "/room_" + roomId + "/photos/").endsWith("_my_kitchen.jpg");
        as(user).get("/assets/" + assetId).then().statusCode(200).body("status", equalTo("pending"))
                .body("downloadUrl", nullValue());

        assertThat(TestSupport.put(ticket, photo)).isEqualTo(200);
        Response confirmed = as(user).post("/assets/" + assetId + "/confirm");
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(photo));
        confirmed.then().statusCode(200).body("status", equalTo("uploaded")).body("sha256", equalTo(sha256))
                .body("width", equalTo(640)).body("height", equalTo(480)).body("confirmedAt", notNullValue())
                .body("originalFilename", equalTo("My Kitchen.JPG")).body("variants", hasSize(0));

        // confirm is idempotent
        as(user).post("/assets/" + assetId + "/confirm").then().statusCode(200).body("status", equalTo("uploaded"))
                .body("confirmedAt", equalTo(confirmed.path("confirmedAt")));

        String downloadUrl = as(user).get("/assets/" + assetId).then().statusCode(200)
                .body("downloadUrlExpiresAt", notNullValue()).extract().path("downloadUrl");
        var download = TestSupport.get(downloadUrl);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(photo);

        await().atMost(Duration.ofSeconds(60)).until(() -> !KafkaTestClient.records("asset.confirmed", assetId).isEmpty());
        var records = KafkaTestClient.records("asset.confirmed", assetId);
        assertThat(records).hasSize(1);
        JsonNode event = EventJson.MAPPER.readTree(records.get(0).value());
        assertThat(event.get("type").asText()).isEqualTo("asset.confirmed");
        assertThat(event.get("source").asText()).isEqualTo("asset-service");
        JsonNode data = event.get("data");
        assertThat(data.get("assetId").asText()).isEqualTo(assetId);
        assertThat(data.get("sessionId").asText()).isEqualTo(sessionId);
        assertThat(data.get("roomId").asText()).isEqualTo(roomId);
        assertThat(data.get("ownerId").asText()).isEqualTo(user);
        assertThat(data.get("assetType").asText()).isEqualTo("photo");
        assertThat(data.get("bucket").asText()).isEqualTo("user-uploads");
        assertThat(data.get("storagePath").asText()).isEqualTo(key);
        assertThat(data.get("contentType").asText()).isEqualTo("image/jpeg");
        assertThat(data.get("fileSize").asLong()).isEqualTo(photo.length);
        assertThat(data.get("sha256").asText()).isEqualTo(sha256);
    }

    @Test
    void listingFiltersByTypeAndPagesByDisplayOrder() {
        String user = TestSupport.newUser();
        String roomId = TestSupport.sessionWithRoom(user).get(1);
        String first = TestSupport.upload(user, roomId, "photo", "a.jpg", "image/jpeg", TestSupport.jpeg(40, 30));
        String second = TestSupport.upload(user, roomId, "photo", "b.png", "image/png", TestSupport.png(40, 30));
        String plan = TestSupport.upload(user, roomId, "floorplan", "plan.png", "image/png", TestSupport.png(50, 50));
        as(user).body(Map.of("displayOrder", 5)).patch("/assets/" + first).then().statusCode(200);

        Response page1 = as(user).queryParam("type", "photo").queryParam("limit", 1).get("/rooms/" + roomId + "/assets");
        page1.then().statusCode(200).body("items", hasSize(1)).body("items[0].id", equalTo(second))
                .body("nextCursor", notNullValue());
        as(user).queryParam("type", "photo").queryParam("limit", 1).queryParam("cursor", (String) page1.path("nextCursor"))
                .get("/rooms/" + roomId + "/assets").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].id", equalTo(first)).body("nextCursor", nullValue());
        as(user).get("/rooms/" + roomId + "/assets").then().statusCode(200).body("items", hasSize(3));
        as(user).queryParam("type", "floorplan").get("/rooms/" + roomId + "/assets").then()
                .body("items", hasSize(1)).body("items[0].id", equalTo(plan));
        as(user).queryParam("type", "video").get("/rooms/" + roomId + "/assets").then().statusCode(200)
                .body("items", hasSize(0));
        as(user).queryParam("type", "audio").get("/rooms/" + roomId + "/assets").then().statusCode(400);
        as(user).queryParam("cursor", "not-a-cursor").get("/rooms/" + roomId + "/assets").then().statusCode(400)
                .body("type", equalTo("urn:media-platform:problem:invalid-cursor"));
    }

    @Test
    void renderMetadataMayOnlyReferenceAssetsOfTheSameSession() {
        String user = TestSupport.newUser();
        String roomId = TestSupport.sessionWithRoom(user).get(1);
        String photo = TestSupport.upload(user, roomId, "photo", "before.jpg", "image/jpeg", TestSupport.jpeg(40, 30));
        String render = TestSupport.upload(user, roomId, "render", "after.png", "image/png", TestSupport.png(40, 30));
        String otherSessionAsset = TestSupport.upload(user, TestSupport.sessionWithRoom(user).get(1), "photo",
                "elsewhere.jpg", "image/jpeg", TestSupport.jpeg(20, 20));

        as(user).body(Map.of("caption", "AI kitchen", "altText", "a bright kitchen", "metadata", Map.of(
                "prompt", "scandinavian kitchen", "modelVersion", "sdxl-1.0", "seed", 42, "renderType", "ai_generated",
                "basedOnAssetId", photo, "beforeAssetId", photo, "afterAssetId", render, "approvalStatus", "draft")))
                .patch("/assets/" + render).then().statusCode(200).body("caption", equalTo("AI kitchen"))
                .body("metadata.basedOnAssetId", equalTo(photo)).body("metadata.seed", equalTo(42));

        as(user).body(Map.of("metadata", Map.of("basedOnAssetId", otherSessionAsset))).patch("/assets/" + render)
                .then().statusCode(400).body("type", equalTo("urn:media-platform:problem:validation"));
        as(user).body(Map.of("metadata", Map.of("approvalStatus", "shipped"))).patch("/assets/" + render)
                .then().statusCode(400).body("errors[0].field", equalTo("metadata.approvalStatus"));
        as(user).get("/assets/" + render).then().body("metadata.approvalStatus", equalTo("draft"));
    }

    @Test
    void comparisonsAreCreatedListedAndDeletedPerRoom() {
        String user = TestSupport.newUser();
        String roomId = TestSupport.sessionWithRoom(user).get(1);
        String before = TestSupport.upload(user, roomId, "photo", "before.jpg", "image/jpeg", TestSupport.jpeg(40, 30));
        String after = TestSupport.upload(user, roomId, "render", "after.jpg", "image/jpeg", TestSupport.jpeg(40, 30));

        String comparison = as(user).body(Map.of("beforeAssetId", before, "afterAssetId", after, "title", "Before/after"))
                .post("/rooms/" + roomId + "/comparisons").then().statusCode(201)
                .body("beforeAssetId", equalTo(before)).extract().path("id");
        as(user).get("/rooms/" + roomId + "/comparisons").then().statusCode(200).body("items", hasSize(1))
                .body("items[0].id", equalTo(comparison));
        as(user).body(Map.of("beforeAssetId", before, "afterAssetId", before)).post("/rooms/" + roomId + "/comparisons")
                .then().statusCode(400);
        as(user).delete("/rooms/" + roomId + "/comparisons/" + comparison).then().statusCode(204);
        as(user).get("/rooms/" + roomId + "/comparisons").then().body("items", hasSize(0));
    }

    @Test
    void deletingAnAssetRemovesItsObjectAndRowAndAnnouncesIt() {
        String user = TestSupport.newUser();
        String roomId = TestSupport.sessionWithRoom(user).get(1);
        String assetId = TestSupport.upload(user, roomId, "photo", "gone.jpg", "image/jpeg", TestSupport.jpeg(40, 30));
        String key = as(user).get("/assets/" + assetId).path("storagePath");
        assertThat(keysUnder(key)).containsExactly(key);

        as(user).delete("/assets/" + assetId).then().statusCode(204);
        as(user).get("/assets/" + assetId).then().statusCode(404);
        assertThat(keysUnder(key)).isEmpty();
        await().atMost(Duration.ofSeconds(60)).until(() -> !KafkaTestClient.records("asset.deleted", assetId).isEmpty());
        as(user).delete("/assets/" + assetId).then().statusCode(404);
    }

    @Test
    void deletingASessionLeavesNoObjectUnderItsPrefixAndNoRow() {
        String user = TestSupport.newUser();
        List<String> ids = TestSupport.sessionWithRoom(user);
        String sessionId = ids.get(0);
        String assetId = TestSupport.upload(user, ids.get(1), "photo", "x.jpg", "image/jpeg", TestSupport.jpeg(40, 30));
        Response pending = TestSupport.requestUpload(user, ids.get(1), "document", "notes.pdf", "application/pdf", 10);
        assertThat(keysUnder("session_" + sessionId + "/")).hasSize(1);

        as(user).delete("/sessions/" + sessionId).then().statusCode(204);
        assertThat(keysUnder("session_" + sessionId + "/")).isEmpty();
        as(user).get("/sessions/" + sessionId).then().statusCode(404);
        as(user).get("/rooms/" + ids.get(1)).then().statusCode(404);
        as(user).get("/assets/" + assetId).then().statusCode(404);
        as(user).get("/assets/" + pending.path("assetId")).then().statusCode(404);
        await().atMost(Duration.ofSeconds(60)).until(() -> !KafkaTestClient.records("session.deleted", sessionId).isEmpty());
    }

    @Test
    void sessionsAndRoomsAreListedRenamedAndPaged() {
        String user = TestSupport.newUser();
        String first = TestSupport.sessionWithRoom(user).get(0);
        String second = TestSupport.sessionWithRoom(user).get(0);
        Response page = as(user).queryParam("limit", 1).get("/sessions");
        page.then().statusCode(200).body("items", hasSize(1)).body("items[0].id", equalTo(second));
        as(user).queryParam("limit", 1).queryParam("cursor", (String) page.path("nextCursor")).get("/sessions")
                .then().body("items[0].id", equalTo(first)).body("nextCursor", nullValue());
        as(user).body(Map.of("title", "Bathroom")).patch("/sessions/" + first).then().statusCode(200)
                .body("title", equalTo("Bathroom"));
        as(user).get("/sessions/" + first + "/rooms").then().statusCode(200).body("items", hasSize(1))
                .body("items[0].roomType", equalTo("kitchen"));
        as(user).queryParam("limit", 0).get("/sessions").then().statusCode(400);
    }
}
