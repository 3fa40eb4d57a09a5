package com.renovation.media.assets;

import static com.renovation.media.assets.TestSupport.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import com.renovation.media.assets.service.assets.AssetExpiry;
import com.renovation.media.contracts.events.payload.SourceKind;
import com.renovation.media.contracts.events.payload.VariantReady;
import com.renovation.media.messaging.testing.KafkaTestClient;
import com.renovation.media.storage.layout.StoragePaths;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** Generated images land in the caller's workspace and are gone, with every object and row, once expired. */
@QuarkusTest
class WorkspaceIT {

    @Inject
    S3Client s3;

    @Inject
    AssetExpiry expiry;

    private static Response requestWorkspaceUpload(String user, Map<String, Object> extra, int size) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("assetType", "render", "filename", "render.png",
                "contentType", "image/png", "size", size, "source", "ai_generated"));
        body.putAll(extra);
        return as(user).body(body).post("/assets/uploads");
    }

    private static String uploadToWorkspace(String user, byte[] png) {
        Response ticket = requestWorkspaceUpload(user, Map.of("workspace", true), png.length);
        ticket.then().statusCode(201);
        assertThat(TestSupport.put(ticket, png)).isEqualTo(200);
        String id = ticket.path("assetId");
        as(user).post("/assets/" + id + "/confirm").then().statusCode(200);
        return id;
    }

    private List<String> keysUnder(String prefix) {
        return s3.listObjectsV2(b -> b.bucket("user-uploads").prefix(prefix)).contents().stream()
                .map(o -> o.key()).toList();
    }

    private static long rows(String sql, Object id) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> Panache.getSession()
                .chain(s -> s.createNativeQuery(sql, Long.class).setParameter("id", id).getSingleResult())));
    }

    @Test
    void aWorkspaceUploadExpiresSevenDaysOnAndIsListedOnlyInTheWorkspace() {
        String user = TestSupport.newUser();
        String id = uploadToWorkspace(user, TestSupport.png(64, 48));

        Response asset = as(user).get("/assets/" + id);
        Instant created = Instant.parse(asset.path("createdAt"));
        Instant expires = Instant.parse(asset.path("expiresAt"));
        assertThat(Duration.between(created, expires)).isEqualTo(Duration.ofDays(7));

        as(user).get("/workspace").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].id", equalTo(id))
                .body("items[0].expiresAt", notNullValue()).body("items[0].downloadUrl", notNullValue());
        // the workspace's session is not one of the user's projects
        as(user).get("/sessions").then().statusCode(200).body("items", hasSize(0));
        // and nobody else sees it
        as(TestSupport.newUser()).get("/workspace").then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void theWorkspaceIsOneSessionWithOneRoomEvenForConcurrentFirstUploads() {
        String user = TestSupport.newUser();
        List<String> rooms = java.util.stream.IntStream.range(0, 6).parallel()
                .mapToObj(i -> requestWorkspaceUpload(user, Map.of("workspace", true), 100))
                .map(ticket -> ticket.then().statusCode(201).extract().<String>path("assetId"))
                .map(id -> as(user).get("/assets/" + id).<String>path("roomId")).distinct().toList();
        assertThat(rooms).hasSize(1);
        String sessionId = as(user).get("/rooms/" + rooms.get(0)).path("sessionId");
        as(user).body(Map.of("name", "Second", "roomType", "kitchen")).post("/sessions/" + sessionId + "/rooms")
                .then().statusCode(409);
        as(user).delete("/rooms/" + rooms.get(0)).then().statusCode(409);
    }

    @Test
    void aRoomOrTheWorkspaceButNotBothNorNeither() {
        String user = TestSupport.newUser();
        String roomId = TestSupport.sessionWithRoom(user).get(1);
        requestWorkspaceUpload(user, Map.of("workspace", true, "roomId", roomId), 100).then().statusCode(400)
                .body("type", org.hamcrest.Matchers.endsWith("validation"));
        requestWorkspaceUpload(user, Map.of(), 100).then().statusCode(400);
        requestWorkspaceUpload(user, Map.of("workspace", false), 100).then().statusCode(400);
        // a room's asset never expires
        Response ticket = requestWorkspaceUpload(user, Map.of("roomId", roomId), 100);
        ticket.then().statusCode(201);
        as(user).get("/assets/" + ticket.path("assetId")).then().body("expiresAt", equalTo(null));
    }

    @Test
    void anExpiredWorkspaceAssetLeavesNoObjectNoVariantAndNoRow() throws Throwable {
        String user = TestSupport.newUser();
        String kept = uploadToWorkspace(user, TestSupport.png(64, 48));
        String id = uploadToWorkspace(user, TestSupport.png(80, 60));
        UUID assetId = UUID.fromString(id);
        Response asset = as(user).get("/assets/" + id);
        String key = asset.path("storagePath");
        String sessionPrefix = "session_" + asset.path("sessionId") + "/";
        // a variant, stored and announced as variant-worker does
        String variantKey = StoragePaths.variantKey(key, "thumbnail", 64, 48, "webp");
        s3.putObject(b -> b.bucket("user-uploads").key(variantKey), RequestBody.fromBytes(new byte[] {1, 2, 3}));
        KafkaTestClient.publish("variant-worker", new VariantReady(SourceKind.ROOM_ASSET, assetId, "thumbnail",
                "webp", 64, 48, 3, "user-uploads", variantKey, "image/webp", 4));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> as(user).get("/assets/" + id).then()
                .body("variants", hasSize(1)));
        assertThat(keysUnder(sessionPrefix)).contains(key, variantKey);

        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> Panache.getSession().chain(s ->
                s.createNativeQuery("UPDATE room_assets SET expires_at = now() - interval '1 second' WHERE id = :id")
                        .setParameter("id", assetId).executeUpdate())));
        assertThat(VertxContextSupport.subscribeAndAwait(() -> expiry.run())).isEqualTo(1);

        as(user).get("/assets/" + id).then().statusCode(404);
        as(user).get("/workspace").then().body("items.id", not(hasItem(id))).body("items.id", hasItem(kept));
        assertThat(keysUnder(sessionPrefix)).doesNotContain(key, variantKey);
        assertThat(rows("SELECT count(*) FROM room_assets WHERE id = :id", assetId)).isZero();
        assertThat(rows("SELECT count(*) FROM asset_variants WHERE parent_asset_id = :id", assetId)).isZero();
        assertThat(rows("SELECT count(*) FROM storage_sweeps WHERE prefix = ANY(:id)",
                new String[] {key, variantKey})).as("the run's leased sweeps are forgotten once the objects are gone")
                .isZero();
        assertThat(rows("SELECT count(*) FROM outbox WHERE topic = 'asset.deleted'"
                + " AND payload::text LIKE '%' || :id || '%'", id)).as("variant-worker is told").isEqualTo(1);
    }
}
