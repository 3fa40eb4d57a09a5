package com.renovation.media.assets;

import static com.renovation.media.assets.ArtefactTestSupport.create;
import static com.renovation.media.assets.ArtefactTestSupport.createPlan;
import static com.renovation.media.assets.ArtefactTestSupport.edit;
import static com.renovation.media.assets.ArtefactTestSupport.objectsUnder;
import static com.renovation.media.assets.ArtefactTestSupport.plan;
import static com.renovation.media.assets.TestSupport.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.nullValue;

import com.renovation.media.storage.layout.StoragePaths;
import com.renovation.media.storage.s3.ObjectStore;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/**
 * SVG artefacts through the API on the real engines: versions with author and message, the list without content,
 * restore, two editors on the same base (one 409), the size limit, PostgreSQL's compression of large content,
 * a free plan's pruning, and erasure leaving nothing in S3.
 */
@QuarkusTest
class ArtefactIT {

    @Inject
    ObjectStore objects;

    @Test
    void versionsAreNumberedListedWithoutContentAndRestored() throws Exception {
        String user = TestSupport.newUser();
        List<String> ids = TestSupport.sessionWithRoom(user);
        Response created = as(user).body(create("Ground floor", plan("Kitchen"), ids.get(1)))
                .post("/sessions/" + ids.get(0) + "/artefacts");
        created.then().statusCode(201).body("version", equalTo(1)).body("author", equalTo(user))
                .body("message", equalTo("first draft")).body("kind", equalTo("floorplan"))
                .body("roomId", equalTo(ids.get(1))).body("thumbnailStatus", equalTo("pending"))
                .body("thumbnailUrl", nullValue());
        String id = created.path("id");
        assertThat(created.header("Location")).endsWith("/artefacts/" + id);

        edit(user, id, 1, plan("Kitchen and pantry")).then().statusCode(200).body("version", equalTo(2))
                .body("message", equalTo("edit on 1"));
        as(user).body(Map.of("content", plan("Kitchen, pantry, hall"), "baseVersion", 2, "title", "  Level 0 "))
                .put("/artefacts/" + id).then().statusCode(200).body("version", equalTo(3))
                .body("title", equalTo("Level 0")).body("message", nullValue());

        as(user).get("/artefacts/" + id + "/versions").then().statusCode(200).body("items", hasSize(3))
                .body("items.version", equalTo(List.of(3, 2, 1)))
                .body("items[0]", not(hasKey("content"))).body("items[2].author", equalTo(user));
        as(user).get("/artefacts/" + id + "/versions?limit=2").then().statusCode(200)
                .body("items.version", equalTo(List.of(3, 2))).body("nextCursor", not(nullValue()));
        Response first = as(user).get("/artefacts/" + id + "/versions/1");
        first.then().statusCode(200).body("version", equalTo(1));
        String content = first.path("content");
        assertThat(content).contains("Kitchen").contains("http://www.w3.org/2000/svg");
        assertThat(first.<Integer>path("contentBytes")).isEqualTo(content.getBytes(StandardCharsets.UTF_8).length);
        assertThat(first.<String>path("sha256")).isEqualTo(HexFormat.of().formatHex(MessageDigest
                .getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8))));
        as(user).get("/artefacts/" + id + "/versions/9").then().statusCode(404);

        as(user).post("/artefacts/" + id + "/versions/1/restore").then().statusCode(201).body("version", equalTo(4))
                .body("message", equalTo("Restored version 1"));
        as(user).get("/artefacts/" + id + "/versions/4").then().statusCode(200).body("restoredFrom", equalTo(1))
                .body("content", equalTo(content));
        as(user).body(Map.of("message", "back to the pantry")).post("/artefacts/" + id + "/versions/2/restore")
                .then().statusCode(201).body("version", equalTo(5)).body("message", equalTo("back to the pantry"));

        as(user).get("/sessions/" + ids.get(0) + "/artefacts?roomId=" + ids.get(1) + "&kind=floorplan").then()
                .statusCode(200).body("items", hasSize(1)).body("items[0].version", equalTo(5));
        as(user).get("/sessions/" + ids.get(0) + "/artefacts?kind=sketch").then().statusCode(200)
                .body("items", hasSize(0));
        as(user).get("/sessions/" + ids.get(0) + "/artefacts?kind=blueprint").then().statusCode(400);
        as(user).get("/sessions/" + ids.get(0) + "/artefacts?roomId=kitchen").then().statusCode(400);
        as(user).get("/audit?entityType=artefact&entityId=" + id).then().statusCode(200)
                .body("items.action", org.hamcrest.Matchers.hasItems("created", "updated"));
        // five versions, each source once in S3
        assertThat(objectsUnder(objects, StoragePaths.artefactSourcesPrefix(UUID.fromString(ids.get(0)),
                UUID.fromString(ids.get(1)), UUID.fromString(id)))).hasSize(5);
    }

    @Test
    void aStaleBaseIsAConflictNamingTheLatestVersion() {
        String user = TestSupport.newUser();
        String session = TestSupport.sessionWithRoom(user).get(0);
        String id = createPlan(user, session, null);
        edit(user, id, 1, plan("v2")).then().statusCode(200);
        edit(user, id, 1, plan("stale")).then().statusCode(409)
                .body("type", equalTo("urn:media-platform:problem:conflict"))
                .body("detail", equalTo("version 2 is the latest; this edit was based on 1"))
                .body("latestVersion", equalTo(2));
    }

    @Test
    void twoEditorsOnTheSameBaseOneWinsOneGets409() throws Exception {
        String user = TestSupport.newUser();
        String session = TestSupport.sessionWithRoom(user).get(0);
        String id = createPlan(user, session, null);
        for (int base = 1; base <= 4; base++) {
            int from = base;
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<Integer>> editors = new ArrayList<>();
            for (int editor = 0; editor < 2; editor++) {
                String label = "editor " + editor + " on " + base;
                editors.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return edit(user, id, from, plan(label)).statusCode();
                }));
            }
            start.countDown();
            List<Integer> statuses = editors.stream().map(CompletableFuture::join).sorted().toList();
            assertThat(statuses).as("round on base " + base).containsExactly(200, 409);
        }
        as(user).get("/artefacts/" + id + "/versions").then().statusCode(200)
                .body("items.version", equalTo(List.of(5, 4, 3, 2, 1)));
        // the loser's source object was deleted again: one per version
        assertThat(objectsUnder(objects, StoragePaths.artefactSourcesPrefix(UUID.fromString(session), null,
                UUID.fromString(id)))).hasSize(5);
    }

    @Test
    void contentOverTheLimitIs413AndNothingIsStored() {
        String user = TestSupport.newUser();
        String session = TestSupport.sessionWithRoom(user).get(0);
        String huge = ArtefactTestSupport.largePlan(1).replace("</svg>",
                "<desc>" + "x".repeat(5 * 1024 * 1024) + "</desc></svg>");
        as(user).body(create("Too big", huge, null)).post("/sessions/" + session + "/artefacts").then()
                .statusCode(413).body("type", equalTo("urn:media-platform:problem:payload-too-large"));
        String id = createPlan(user, session, null);
        edit(user, id, 1, huge).then().statusCode(413);
        as(user).get("/sessions/" + session + "/artefacts").then().body("items", hasSize(1))
                .body("items[0].version", equalTo(1));
        assertThat(objectsUnder(objects, StoragePaths.sessionPrefix(UUID.fromString(session)))).hasSize(1);
    }

    @Test
    void largeContentIsStoredCompressed() {
        String user = TestSupport.newUser();
        String session = TestSupport.sessionWithRoom(user).get(0);
        String large = ArtefactTestSupport.largePlan(4000);
        String id = as(user).body(create("Detailed", large, null)).post("/sessions/" + session + "/artefacts")
                .then().statusCode(201).extract().path("id");
        Object compression = ArtefactTestSupport.sql("SELECT pg_column_compression(content) FROM artefact_contents"
                + " WHERE artefact_id = :id AND version = 1", Map.of("id", UUID.fromString(id)));
        // lz4 where the server is built with it (the postgres images); an embedded test engine without it: pglz
        Object methods = ArtefactTestSupport.sql("SELECT array_to_string(enumvals, ',') FROM pg_settings"
                + " WHERE name = 'default_toast_compression'", Map.of());
        assertThat(compression).hasToString(methods.toString().contains("lz4") ? "lz4" : "pglz");
        Object stored = ArtefactTestSupport.sql("SELECT pg_column_size(content) FROM artefact_contents"
                + " WHERE artefact_id = :id", Map.of("id", UUID.fromString(id)));
        int bytes = as(user).get("/artefacts/" + id).path("contentBytes");
        assertThat(((Number) stored).intValue()).isLessThan(bytes / 4);
        System.out.printf("artefact content: %d bytes of SVG stored in %s bytes (%s)%n", bytes, stored, compression);
    }

    @Test
    void aFreePlanKeepsFiveVersionsAndDropsTheOldestWithItsObjects() {
        String user = TestSupport.newUser();
        String session = PlanTestSupport.session(user, "free");
        String id = PlanTestSupport.asOn(user, "free").body(create("Plan", plan("v1"), null))
                .post("/sessions/" + session + "/artefacts").then().statusCode(201).extract().path("id");
        String sources = StoragePaths.artefactSourcesPrefix(UUID.fromString(session), null, UUID.fromString(id));
        String firstSource = objectsUnder(objects, sources).get(0);
        String firstThumbnail = StoragePaths.artefactThumbnailKey(UUID.fromString(session), null,
                UUID.fromString(id), 1);
        ArtefactTestSupport.put(objects, firstThumbnail, TestSupport.png(40, 30), "image/png");
        for (int base = 1; base <= 5; base++) {
            PlanTestSupport.asOn(user, "free").body(Map.of("content", plan("v" + (base + 1)), "baseVersion", base))
                    .put("/artefacts/" + id).then().statusCode(200).body("version", equalTo(base + 1));
        }
        PlanTestSupport.asOn(user, "free").get("/artefacts/" + id + "/versions").then().statusCode(200)
                .body("items.version", equalTo(List.of(6, 5, 4, 3, 2)));
        PlanTestSupport.asOn(user, "free").get("/artefacts/" + id + "/versions/1").then().statusCode(404);
        List<String> left = objectsUnder(objects, StoragePaths.artefactPrefix(UUID.fromString(session), null,
                UUID.fromString(id)));
        assertThat(left).hasSize(5).doesNotContain(firstSource, firstThumbnail);
        PlanTestSupport.asOn(user, "free").body(Map.of("format", "svg", "version", 1))
                .post("/artefacts/" + id + "/exports").then().statusCode(400)
                .body("detail", org.hamcrest.Matchers.containsString("[2, 3, 4, 5, 6]"));
    }

    @Test
    void contentCountsAgainstTheOwnersStorage() {
        String user = TestSupport.newUser();
        String session = PlanTestSupport.session(user, "free");
        long before = PlanTestSupport.storageBytes(user, "free");
        String id = PlanTestSupport.asOn(user, "free").body(create("Plan", plan("usage"), null))
                .post("/sessions/" + session + "/artefacts").then().statusCode(201).extract().path("id");
        int bytes = PlanTestSupport.asOn(user, "free").get("/artefacts/" + id).path("contentBytes");
        assertThat(PlanTestSupport.storageBytes(user, "free")).isEqualTo(before + bytes);
        PlanTestSupport.asOn(user, "free").delete("/artefacts/" + id).then().statusCode(204);
        assertThat(PlanTestSupport.storageBytes(user, "free")).isEqualTo(before);
    }

    @Test
    void erasingAnArtefactItsRoomOrItsSessionLeavesNothingInS3() {
        String user = TestSupport.newUser();
        List<String> ids = TestSupport.sessionWithRoom(user);
        UUID session = UUID.fromString(ids.get(0));
        UUID room = UUID.fromString(ids.get(1));
        String inRoom = createPlan(user, ids.get(0), ids.get(1));
        String deleted = createPlan(user, ids.get(0), ids.get(1));
        String ofSession = createPlan(user, ids.get(0), null);
        for (String id : List.of(inRoom, deleted)) {
            ArtefactTestSupport.put(objects, StoragePaths.artefactThumbnailKey(session, room, UUID.fromString(id), 1),
                    TestSupport.png(40, 30), "image/png");
        }
        ArtefactTestSupport.put(objects, StoragePaths.artefactExportKey(session, null, UUID.fromString(ofSession),
                UUID.randomUUID(), "pdf"), "%PDF-1.4".getBytes(StandardCharsets.US_ASCII), "application/pdf");

        as(user).delete("/artefacts/" + deleted).then().statusCode(204);
        as(user).get("/artefacts/" + deleted).then().statusCode(404);
        assertThat(objectsUnder(objects, StoragePaths.artefactPrefix(session, room, UUID.fromString(deleted))))
                .isEmpty();
        assertThat(objectsUnder(objects, StoragePaths.artefactPrefix(session, room, UUID.fromString(inRoom))))
                .hasSize(2);

        as(user).delete("/rooms/" + ids.get(1)).then().statusCode(204);
        as(user).get("/artefacts/" + inRoom).then().statusCode(404);
        assertThat(objectsUnder(objects, StoragePaths.roomPrefix(session, room))).isEmpty();
        as(user).get("/artefacts/" + ofSession).then().statusCode(200);

        as(user).delete("/sessions/" + ids.get(0)).then().statusCode(204);
        as(user).get("/artefacts/" + ofSession).then().statusCode(404);
        assertThat(objectsUnder(objects, StoragePaths.sessionPrefix(session))).isEmpty();
        assertThat(ArtefactTestSupport.sql("SELECT count(*) FROM artefact_versions WHERE artefact_id IN (:a, :b, :c)",
                Map.of("a", UUID.fromString(inRoom), "b", UUID.fromString(deleted), "c", UUID.fromString(ofSession))))
                .satisfies(n -> assertThat(((Number) n).intValue()).isZero());
    }
}
