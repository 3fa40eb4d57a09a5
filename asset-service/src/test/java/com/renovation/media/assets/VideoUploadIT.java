package com.renovation.media.assets;

import static com.renovation.media.assets.TestSupport.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.renovation.media.contracts.events.Topics;
import com.renovation.media.messaging.testing.KafkaTestClient;
import com.renovation.media.storage.testing.CraftedFiles;
import com.renovation.media.storage.testing.GeneratedVideos;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Videos through the real upload path: always in parts, within their own limit (and the plan's), checked at
 * confirm by their container (an MP4, a QuickTime movie and a WebM made by ffmpeg pass; a JPEG declared as MP4, a
 * cut-off MP4 and an MKV declared as WebM are refused with nothing kept) and announced with their sniffed type;
 * then like any asset in a ZIP link and a backup, and left out of a room report (which shows images).
 */
@QuarkusTest
class VideoUploadIT {

    private static final long GIB = 1024L * 1024 * 1024;
    private static final long MIB = 1024 * 1024;
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    S3Client s3;

    private String user;
    private String roomId;

    @BeforeEach
    void room() {
        user = TestSupport.newUser();
        roomId = TestSupport.sessionWithRoom(user).get(1);
    }

    @Test
    void aVideoIsAlwaysUploadedInPartsAndWithinItsOwnLimit() {
        Response small = VideoTestSupport.request(user, roomId, "walk.mp4", "video/mp4", 1000, Map.of());
        small.then().statusCode(201).body("uploadUrl", nullValue()).body("uploadId", org.hamcrest.Matchers
                .notNullValue()).body("parts.size()", equalTo(1)).body("parts[0].size", equalTo(1000));

        VideoTestSupport.request(user, roomId, "walk.mp4", "video/mp4", 1000, Map.of("multipart", false)).then()
                .statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("always uploaded in parts"));
        VideoTestSupport.request(user, roomId, "walk.mp4", "video/mp4", GIB + 1, Map.of()).then().statusCode(400)
                .body("detail", containsString("1073741824"));
        VideoTestSupport.request(user, roomId, "walk.mkv", "video/x-matroska", 1000, Map.of()).then()
                .statusCode(400).body("detail", containsString("video/webm"));
        TestSupport.requestUpload(user, roomId, "photo", "walk.mp4", "video/mp4", 1000).then().statusCode(400);

        // the largest video: 64 parts of 16 MiB; deleting the pending upload aborts it
        Response largest = VideoTestSupport.request(user, roomId, "tour.webm", "video/webm", GIB, Map.of());
        largest.then().statusCode(201).body("parts.size()", equalTo(64)).body("partSize", equalTo((int) (16 * MIB)));
        as(user).delete("/assets/" + largest.path("assetId")).then().statusCode(204);
        as(user).delete("/assets/" + small.path("assetId")).then().statusCode(204);
    }

    @Test
    void aPlanLimitsVideosByItsOwnLargestVideo() {
        String session = PlanTestSupport.session(user, "free");
        String room = PlanTestSupport.room(user, "free", session);
        Map<String, Object> body = Map.of("roomId", room, "assetType", "video", "filename", "walk.mp4",
                "contentType", "video/mp4");
        // above the free plan's largest photo (10 MiB), within its largest video (50 MiB)
        Response ticket = PlanTestSupport.asOn(user, "free").body(with(body, 20 * MIB)).post("/assets/uploads");
        ticket.then().statusCode(201);
        PlanTestSupport.asOn(user, "free").body(with(body, 50 * MIB + 1)).post("/assets/uploads").then()
                .statusCode(403).body("type", equalTo(PlanTestSupport.QUOTA_EXCEEDED))
                .body("detail", containsString("largest video of plan free is 52428800 bytes"));
        PlanTestSupport.asOn(user, "free").get("/me/usage").then().statusCode(200)
                .body("maxVideoBytes", equalTo(52428800)).body("maxUploadBytes", equalTo(10485760))
                .body("storageBytes", equalTo((int) (20 * MIB)));
        PlanTestSupport.asOn(user, "free").delete("/assets/" + ticket.path("assetId")).then().statusCode(204);
    }

    private static Map<String, Object> with(Map<String, Object> body, long size) {
        Map<String, Object> all = new java.util.HashMap<>(body);
        all.put("size", size);
        return all;
    }

    @Test
    void aGeneratedMp4IsConfirmedAndAnnouncedAsAVideoMp4() throws Exception {
        byte[] mp4 = GeneratedVideos.ffmpeg("mp4", List.of("-f", "lavfi", "-i",
                "testsrc=duration=2:size=320x240:rate=25", "-f", "lavfi", "-i", "sine=duration=2", "-c:v", "libx264",
                "-pix_fmt", "yuv420p", "-c:a", "aac", "-metadata", "comment=" + UUID.randomUUID()));
        Response ticket = VideoTestSupport.send(user, roomId, "walkthrough.mp4", "video/mp4", mp4);
        String assetId = ticket.path("assetId");
        as(user).post("/assets/" + assetId + "/confirm").then().statusCode(200)
                .body("assetType", equalTo("video")).body("status", equalTo("uploaded"))
                .body("contentType", equalTo("video/mp4")).body("fileSize", equalTo(mp4.length))
                .body("durationSeconds", nullValue()).body("width", nullValue()).body("variants.size()", equalTo(0));

        JsonNode confirmed = await().atMost(WAIT).until(() -> KafkaTestClient.eventData(Topics.ASSET_CONFIRMED,
                assetId), list -> !list.isEmpty()).get(0);
        assertThat(confirmed.path("assetType").asText()).isEqualTo("video");
        assertThat(confirmed.path("contentType").asText()).isEqualTo("video/mp4");
        assertThat(confirmed.path("fileSize").asLong()).isEqualTo(mp4.length);
        assertThat(confirmed.path("storagePath").asText()).contains("/videos/").endsWith("_walkthrough.mp4");

        // the original is served as it was uploaded, as an attachment
        String url = as(user).get("/assets/" + assetId).path("downloadUrl");
        HttpResponse<byte[]> download = TestSupport.get(url);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(mp4);
        assertThat(download.headers().firstValue("Content-Type")).hasValue("video/mp4");
        assertThat(download.headers().firstValue("Content-Disposition")).hasValueSatisfying(value ->
                assertThat(value).startsWith("attachment;"));
    }

    @Test
    void aWebmAndAQuickTimeMovieAreAccepted() {
        String webm = VideoTestSupport.upload(user, roomId, "garden.webm", "video/webm",
                GeneratedVideos.webm(1, 320, 240));
        String mov = VideoTestSupport.upload(user, roomId, "hall.mov", "video/quicktime",
                GeneratedVideos.mov(1, 320, 240));
        as(user).get("/assets/" + webm).then().body("contentType", equalTo("video/webm"))
                .body("status", equalTo("uploaded"));
        as(user).get("/assets/" + mov).then().body("contentType", equalTo("video/quicktime"))
                .body("status", equalTo("uploaded"));
        as(user).queryParam("type", "video").get("/rooms/" + roomId + "/assets").then().statusCode(200)
                .body("items.size()", equalTo(2));
    }

    @Test
    void aRoomReportShowsTheRoomsPhotosAndLeavesItsVideosOut() {
        List<String> ids = TestSupport.sessionWithRoom(user);
        String photo = TestSupport.upload(user, ids.get(1), "photo", "wall.jpg", "image/jpeg",
                TestSupport.jpeg(64, 48));
        VideoTestSupport.upload(user, ids.get(1), "walk.mp4", "video/mp4", GeneratedVideos.mp4(1, 160, 120));
        String document = as(user).body(Map.of("documentType", "room_report_pdf", "title", "Report", "roomId",
                ids.get(1), "content", Map.of())).post("/sessions/" + ids.get(0) + "/documents").then()
                .statusCode(202).extract().path("id");
        as(user).get("/documents/" + document + "/content").then().statusCode(200)
                .body("content.images.size()", equalTo(1)).body("content.images[0].assetId", equalTo(photo));
    }

    @Test
    void aZipLinkCarriesAVideoWholeBesideAPhoto() throws Exception {
        byte[] jpeg = TestSupport.jpeg(64, 48);
        byte[] mp4 = GeneratedVideos.mp4(1, 160, 120);
        String photo = TestSupport.upload(user, roomId, "photo", "wall.jpg", "image/jpeg", jpeg);
        String video = VideoTestSupport.upload(user, roomId, "walk.mp4", "video/mp4", mp4);
        String token = LinkTestSupport.token(user, Map.of("kind", "zip", "assetIds", List.of(photo, video)));
        Map<String, byte[]> entries = new java.util.HashMap<>();
        HttpResponse<java.io.InputStream> zip = LinkTestSupport.stream(token);
        assertThat(zip.statusCode()).isEqualTo(200);
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(zip.body())) {
            for (java.util.zip.ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        assertThat(entries).containsOnlyKeys("wall.jpg", "walk.mp4");
        assertThat(entries.get("walk.mp4")).isEqualTo(mp4);
        assertThat(entries.get("wall.jpg")).isEqualTo(jpeg);
    }

    @Test
    void aBackedUpVideoIsRestoredAndAnnouncedForProcessingAgain() {
        List<String> ids = TestSupport.sessionWithRoom(user);
        byte[] mp4 = GeneratedVideos.mp4(1, 160, 120);
        VideoTestSupport.upload(user, ids.get(1), "walk.mp4", "video/mp4", mp4);
        String backup = as(user).post("/sessions/" + ids.get(0) + "/backups").then().statusCode(201).extract()
                .path("id");
        String restored = as(user).post("/backups/" + backup + "/restore").then().statusCode(201).extract()
                .path("sessionId");
        Response assets = as(user).queryParam("type", "video").get("/sessions/" + restored + "/assets");
        assets.then().statusCode(200).body("items.size()", equalTo(1))
                .body("items[0].contentType", equalTo("video/mp4")).body("items[0].status", equalTo("uploaded"))
                .body("items[0].fileSize", equalTo(mp4.length));
        String restoredId = assets.path("items[0].id");
        JsonNode confirmed = await().atMost(WAIT).until(() -> KafkaTestClient.eventData(Topics.ASSET_CONFIRMED,
                restoredId), list -> !list.isEmpty()).get(0);
        assertThat(confirmed.path("assetType").asText()).isEqualTo("video");
        assertThat(confirmed.path("contentType").asText()).isEqualTo("video/mp4");
        assertThat(TestSupport.get(assets.path("items[0].downloadUrl")).body()).isEqualTo(mp4);
    }

    @Test
    void filesThatAreNoWholeVideoOfTheDeclaredContainerAreRefusedWithNothingKept() throws Throwable {
        refused("kitchen.mp4", "video/mp4", TestSupport.jpeg(320, 240),
                "the file's content is image/jpeg, but it was declared as video/mp4");
        byte[] mp4 = GeneratedVideos.mp4(1, 320, 240);
        refused("cut.mp4", "video/mp4", Arrays.copyOf(mp4, mp4.length - 500), "truncated or corrupt");
        refused("film.webm", "video/webm", GeneratedVideos.mkv(1, 320, 240), "Matroska video (MKV)");
        refused("movie.mov", "video/quicktime", GeneratedVideos.mp4(1, 160, 120),
                "the file's content is video/mp4, but it was declared as video/quicktime");
        refused("zip.mp4", "video/mp4", CraftedFiles.concat(GeneratedVideos.mp4(1, 160, 120), CraftedFiles.zip()),
                "do not add up to the file's size");
    }

    /** Confirm answers 422 with the reason; neither the object, the row nor an open upload is left. */
    private void refused(String filename, String contentType, byte[] bytes, String reason) throws Throwable {
        Response ticket = VideoTestSupport.send(user, roomId, filename, contentType, bytes);
        String assetId = ticket.path("assetId");
        as(user).post("/assets/" + assetId + "/confirm").then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:media-platform:problem:file-rejected"))
                .body("detail", containsString(reason));
        String prefix = ticket.path("storagePath");
        assertThat(s3.listObjectsV2(b -> b.bucket("user-uploads").prefix(prefix)).contents()).as("refused object")
                .isEmpty();
        assertThat(s3.listObjectsV2(b -> b.bucket("user-uploads").prefix(prefix.substring(0,
                prefix.indexOf("/videos/")) + "/incoming/" + assetId)).contents()).as("incoming object").isEmpty();
        assertThat(s3.listMultipartUploads(b -> b.bucket("user-uploads")).uploads())
                .noneMatch(u -> u.key().endsWith("/incoming/" + assetId));
        long rows = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> Panache.getSession()
                .chain(s -> s.createNativeQuery("SELECT count(*) FROM room_assets WHERE id = :id", Long.class)
                        .setParameter("id", UUID.fromString(assetId)).getSingleResult())));
        assertThat(rows).as("refused row").isZero();
        as(user).get("/assets/" + assetId).then().statusCode(404);
    }
}
