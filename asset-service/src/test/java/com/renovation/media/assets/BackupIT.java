package com.renovation.media.assets;

import static com.renovation.media.assets.TestSupport.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.JsonNode;
import com.renovation.media.assets.config.UploadConfig;
import com.renovation.media.assets.repository.StorageSweep;
import com.renovation.media.assets.repository.StorageSweepRepository;
import com.renovation.media.assets.service.backups.DailyBackups;
import com.renovation.media.assets.service.sweeps.StorageSweeper;
import com.renovation.media.messaging.testing.KafkaTestClient;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Session backups on the real engines: what a backup holds (rows in its manifest, copies of the originals),
 * restoring into new sessions whose assets are confirmed again (so variants are made again) and whose documents
 * are asked for again, retention, the daily job, a restore failing after its copies, and erasure.
 */
@QuarkusTest
class BackupIT {

    private static final String BUCKET = "user-uploads";
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    S3Client s3;

    @Inject
    DailyBackups daily;

    @Inject
    StorageSweeper sweeper;

    @Inject
    StorageSweepRepository sweepRows;

    @Inject
    UploadConfig uploads;

    private List<String> keysUnder(String prefix) {
        return s3.listObjectsV2(b -> b.bucket(BUCKET).prefix(prefix)).contents().stream().map(o -> o.key()).toList();
    }

    private byte[] object(String key) {
        return s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(key)).asByteArray();
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    /** A session with one room, two photos (one based on the other), a comparison and a checklist. */
    private record Filled(String session, String room, String before, String after, String document) {
    }

    private static Filled filledSession(String user) {
        List<String> ids = TestSupport.sessionWithRoom(user);
        String before = TestSupport.upload(user, ids.get(1), "photo", "before.jpg", "image/jpeg",
                TestSupport.jpeg(64, 48));
        String after = TestSupport.upload(user, ids.get(1), "photo", "after.png", "image/png",
                TestSupport.png(32, 24));
        as(user).body(Map.of("caption", "After", "metadata", Map.of("basedOnAssetId", before)))
                .patch("/assets/" + after).then().statusCode(200);
        as(user).body(Map.of("beforeAssetId", before, "afterAssetId", after, "title", "Whole kitchen"))
                .post("/rooms/" + ids.get(1) + "/comparisons").then().statusCode(201);
        String document = as(user).body(Map.of("documentType", "checklist_pdf", "title", "To do",
                        "content", Map.of("items", List.of(Map.of("text", "Tiles", "done", true)))))
                .post("/sessions/" + ids.get(0) + "/documents").then().statusCode(202).extract().path("id");
        return new Filled(ids.get(0), ids.get(1), before, after, document);
    }

    private static JsonPath backUp(String user, String session) {
        return as(user).post("/sessions/" + session + "/backups").then().statusCode(201).extract().jsonPath();
    }

    @Test
    void aBackupHoldsTheRowsAndCopiesOfTheOriginals() throws Exception {
        String user = TestSupport.newUser();
        Filled s = filledSession(user);

        JsonPath backup = backUp(user, s.session());
        String id = backup.getString("id");
        assertThat(backup.getString("trigger")).isEqualTo("manual");
        assertThat(backup.getInt("rooms")).isEqualTo(1);
        assertThat(backup.getInt("assets")).isEqualTo(2);
        assertThat(backup.getInt("comparisons")).isEqualTo(1);
        assertThat(backup.getInt("documents")).isEqualTo(1);

        String prefix = "backups/" + s.session() + "/" + id + "/";
        List<String> keys = keysUnder(prefix);
        assertThat(keys).containsExactlyInAnyOrder(prefix + "manifest.json", prefix + "originals/" + s.before(),
                prefix + "originals/" + s.after());
        long stored = keys.stream().mapToLong(k -> object(k).length).sum();
        assertThat(backup.getLong("bytes")).isEqualTo(stored);
        String before = as(user).get("/assets/" + s.before()).then().statusCode(200).extract().path("sha256");
        assertThat(sha256(object(prefix + "originals/" + s.before()))).isEqualTo(before);
        JsonNode manifest = com.renovation.media.contracts.events.EventJson.MAPPER
                .readTree(object(prefix + "manifest.json"));
        assertThat(manifest.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(manifest.at("/documents/0/content/items/0/text").asText()).isEqualTo("Tiles");

        as(user).get("/backups/" + id).then().statusCode(200).body("sessionId", equalTo(s.session()));
        backUp(user, s.session());
        as(user).get("/sessions/" + s.session() + "/backups?limit=1").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].id", org.hamcrest.Matchers.not(equalTo(id)))
                .body("nextCursor", org.hamcrest.Matchers.notNullValue());

        String stranger = TestSupport.newUser();
        as(stranger).post("/sessions/" + s.session() + "/backups").then().statusCode(404);
        as(stranger).get("/backups/" + id).then().statusCode(404);
        as(stranger).post("/backups/" + id + "/restore").then().statusCode(404);
        var admin = io.restassured.RestAssured.given().auth().oauth2(TestSupport.adminToken("backup-admin"))
                .contentType("application/json");
        admin.get("/sessions/" + s.session() + "/backups").then().statusCode(200);
        io.restassured.RestAssured.given().auth().oauth2(TestSupport.adminToken("backup-admin"))
                .post("/sessions/" + s.session() + "/backups").then().statusCode(403);
        io.restassured.RestAssured.given().auth().oauth2(TestSupport.adminToken("backup-admin"))
                .post("/backups/" + id + "/restore").then().statusCode(403);
    }

    @Test
    void restoringMakesANewSessionEachTimeWithItsAssetsConfirmedAgain() throws Exception {
        String user = TestSupport.newUser();
        Filled s = filledSession(user);
        String backup = backUp(user, s.session()).getString("id");

        var response = as(user).post("/backups/" + backup + "/restore").then().statusCode(201).extract();
        String first = response.path("sessionId");
        assertThat(response.header("Location")).endsWith("/sessions/" + first);
        String second = restore(user, backup);
        assertThat(second).isNotEqualTo(first).isNotEqualTo(s.session());

        as(user).get("/sessions/" + first).then().statusCode(200).body("title", equalTo("Kitchen remodel (restored)"));
        JsonPath rooms = as(user).get("/sessions/" + first + "/rooms").then().statusCode(200).extract().jsonPath();
        assertThat(rooms.getList("items")).hasSize(1);
        String room = rooms.getString("items[0].id");
        assertThat(room).isNotEqualTo(s.room());
        JsonPath assets = as(user).get("/rooms/" + room + "/assets").then().statusCode(200).extract().jsonPath();
        assertThat(assets.getList("items")).hasSize(2);
        List<String> assetIds = assets.getList("items.id");
        assertThat(assetIds).doesNotContain(s.before(), s.after());
        String newAfter = assets.getString("items.find { it.caption == 'After' }.id");
        String newBefore = assetIds.stream().filter(a -> !a.equals(newAfter)).findFirst().orElseThrow();
        assertThat(assets.getString("items.find { it.caption == 'After' }.metadata.basedOnAssetId"))
                .isEqualTo(newBefore);

        String original = as(user).get("/assets/" + s.before()).then().extract().path("sha256");
        List<String> restoredKeys = keysUnder("session_" + first + "/");
        assertThat(restoredKeys).hasSize(2);
        for (String key : restoredKeys) {
            assertThat(key).startsWith("session_" + first + "/room_" + room + "/photos/");
        }
        assertThat(restoredKeys.stream().map(k -> {
            try {
                return sha256(object(k));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        })).contains(original);

        // asset.confirmed for each restored asset: variant-worker makes its variants from it
        await().atMost(WAIT).untilAsserted(() -> {
            List<JsonNode> confirmed = KafkaTestClient.eventData("asset.confirmed", newBefore);
            assertThat(confirmed).hasSize(1);
            assertThat(confirmed.get(0).get("sessionId").asText()).isEqualTo(first);
            assertThat(confirmed.get(0).get("storagePath").asText()).startsWith("session_" + first + "/");
            assertThat(confirmed.get(0).get("sha256").asText()).isEqualTo(original);
        });
        JsonPath documents = as(user).get("/sessions/" + first + "/documents").then().statusCode(200).extract()
                .jsonPath();
        assertThat(documents.getList("items")).hasSize(1);
        String document = documents.getString("items[0].id");
        assertThat(document).isNotEqualTo(s.document());
        await().atMost(WAIT).untilAsserted(() -> {
            List<JsonNode> requested = KafkaTestClient.eventData("document.requested", document);
            assertThat(requested).hasSize(1);
            assertThat(requested.get(0).at("/content/items/0/text").asText()).isEqualTo("Tiles");
        });
        JsonPath comparisons = as(user).get("/rooms/" + room + "/comparisons").then().statusCode(200).extract()
                .jsonPath();
        assertThat(comparisons.getString("items[0].beforeAssetId")).isEqualTo(newBefore);
        assertThat(comparisons.getString("items[0].afterAssetId")).isEqualTo(newAfter);
        assertThat(keysUnder("session_" + second + "/")).hasSize(2);
    }

    /** Answers the new session's id. */
    private static String restore(String user, String backup) {
        return as(user).post("/backups/" + backup + "/restore").then().statusCode(201).extract().path("sessionId");
    }

    @Test
    void theNewestThirtyAreKeptAndOlderOnesLoseTheirObjects() {
        String user = TestSupport.newUser();
        List<String> ids = TestSupport.sessionWithRoom(user);
        TestSupport.upload(user, ids.get(1), "photo", "a.jpg", "image/jpeg", TestSupport.jpeg(16, 12));
        String oldest = backUp(user, ids.get(0)).getString("id");
        String second = backUp(user, ids.get(0)).getString("id");
        for (int i = 0; i < 30; i++) {
            backUp(user, ids.get(0));
        }
        JsonPath page = as(user).get("/sessions/" + ids.get(0) + "/backups?limit=100").then().statusCode(200)
                .extract().jsonPath();
        assertThat(page.getList("items")).hasSize(30);
        assertThat(page.getList("items.id")).doesNotContain(oldest, second);
        as(user).get("/backups/" + oldest).then().statusCode(404);
        assertThat(keysUnder("backups/" + ids.get(0) + "/" + oldest + "/")).isEmpty();
        assertThat(keysUnder("backups/" + ids.get(0) + "/" + second + "/")).isEmpty();
        assertThat(keysUnder("backups/" + ids.get(0) + "/").stream().filter(k -> k.endsWith("manifest.json")))
                .hasSize(30);
    }

    @Test
    void theDailyJobBacksUpChangedSessionsOncePerPeriod() throws Throwable {
        String user = TestSupport.newUser();
        List<String> ids = TestSupport.sessionWithRoom(user);
        String backups = "/sessions/" + ids.get(0) + "/backups";

        runDaily(Instant.now());
        as(user).get(backups).then().body("items", hasSize(1)).body("items[0].trigger", equalTo("daily"));
        runDaily(Instant.now().plus(Duration.ofDays(2)));
        as(user).get(backups).then().body("items", hasSize(1)); // unchanged since

        as(user).body(Map.of("title", "Renamed")).patch("/sessions/" + ids.get(0)).then().statusCode(200);
        runDaily(Instant.now());
        as(user).get(backups).then().body("items", hasSize(1)); // changed, but backed up within the period
        runDaily(Instant.now().plus(Duration.ofDays(1)).plusSeconds(60));
        as(user).get(backups).then().body("items", hasSize(2)).body("items[0].trigger", equalTo("daily"));

        // a session with a room and nothing else restores too
        String latest = as(user).get(backups).then().extract().path("items[0].id");
        String restored = restore(user, latest);
        as(user).get("/sessions/" + restored).then().statusCode(200).body("title", equalTo("Renamed (restored)"));
        as(user).get("/sessions/" + restored + "/rooms").then().body("items", hasSize(1));
    }

    @Test
    void theWorkspaceIsNeverBackedUp() throws Throwable {
        String user = TestSupport.newUser();
        String key = as(user).body(Map.of("workspace", true, "assetType", "render", "filename", "r.png",
                "contentType", "image/png", "size", 100)).post("/assets/uploads").then().statusCode(201).extract()
                .path("storagePath");
        String workspace = key.substring("session_".length(), key.indexOf('/'));

        runDaily(Instant.now());

        as(user).get("/sessions/" + workspace + "/backups").then().statusCode(200).body("items", hasSize(0));
        as(user).post("/sessions/" + workspace + "/backups").then().statusCode(409);
    }

    private void runDaily(Instant now) throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> daily.run(now));
    }

    @Test
    void aRestoreFailingAfterItsCopiesLeavesNoSessionAndItsObjectsAreSwept() throws Throwable {
        String user = TestSupport.newUser();
        List<String> ids = TestSupport.sessionWithRoom(user);
        TestSupport.upload(user, ids.get(1), "photo", "a.jpg", "image/jpeg", TestSupport.jpeg(16, 12));
        String backup = backUp(user, ids.get(0)).getString("id");
        // a manifest whose room breaks a constraint: the copies are made, then the one transaction fails
        String key = "backups/" + ids.get(0) + "/" + backup + "/manifest.json";
        String manifest = new String(object(key)).replace("\"roomType\":\"kitchen\"",
                "\"roomType\":\"" + "k".repeat(51) + "\"");
        s3.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromString(manifest));
        Instant started = Instant.now();

        int status = as(user).post("/backups/" + backup + "/restore").then().extract().statusCode();
        assertThat(status).as("a restore whose rows cannot be inserted").isNotEqualTo(201);

        as(user).get("/sessions").then().body("items", hasSize(1));
        List<StorageSweep> leases = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> sweepRows
                .list("prefix like 'session_%' and dueAt > ?1", started.plus(uploads.writeLease())
                        .minusSeconds(5))));
        List<String> leased = leases.stream().map(sweep -> sweep.prefix).filter(p -> !keysUnder(p).isEmpty())
                .toList();
        assertThat(leased).as("the copies of the failed restore, leased for sweeping").hasSize(1);
        VertxContextSupport.subscribeAndAwait(() -> sweeper.run(Instant.now().plus(uploads.writeLease())
                .plusSeconds(60)));
        assertThat(keysUnder(leased.get(0))).isEmpty();
    }

    @Test
    void erasingASessionErasesItsBackups() {
        String user = TestSupport.newUser();
        Filled s = filledSession(user);
        String backup = backUp(user, s.session()).getString("id");
        String restored = as(user).post("/backups/" + backup + "/restore").then().statusCode(201).extract()
                .path("sessionId");
        assertThat(keysUnder("backups/" + s.session() + "/")).isNotEmpty();

        as(user).delete("/sessions/" + s.session()).then().statusCode(204);

        assertThat(keysUnder("backups/" + s.session() + "/")).as("the backups' objects").isEmpty();
        assertThat(keysUnder("session_" + s.session() + "/")).as("the session's objects").isEmpty();
        as(user).get("/backups/" + backup).then().statusCode(404);
        as(user).get("/sessions/" + s.session() + "/backups").then().statusCode(404);
        // a restored session is a session of its own: erasing the original leaves it whole
        assertThat(keysUnder("session_" + restored + "/")).hasSize(2);
    }
}
