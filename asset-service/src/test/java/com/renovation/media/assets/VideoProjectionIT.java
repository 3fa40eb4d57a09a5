package com.renovation.media.assets;

import static com.renovation.media.assets.TestSupport.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import com.renovation.media.contracts.events.EventPayload;
import com.renovation.media.contracts.events.PlatformService;
import com.renovation.media.contracts.events.Topic;
import com.renovation.media.contracts.events.payload.SourceKind;
import com.renovation.media.contracts.events.payload.VariantFailed;
import com.renovation.media.contracts.events.payload.VariantReady;
import com.renovation.media.contracts.events.payload.VideoProbed;
import com.renovation.media.contracts.events.payload.VideoProgress;
import com.renovation.media.contracts.videos.VideoOutputs;
import com.renovation.media.messaging.testing.KafkaTestClient;
import com.renovation.media.storage.layout.StoragePaths;
import com.renovation.media.storage.testing.GeneratedVideos;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * video.probed, video.progress and the variant events, published as the video worker does, move a video asset:
 * its figures, a percentage that only grows, then ready with its posters and a web MP4 that plays inline. Events
 * no probe or worker would send go to the dead-letter topic and change nothing.
 */
@QuarkusTest
class VideoProjectionIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    /** Two posters in two formats, and the web MP4. */
    private static final int EXPECTED = 5;

    @Inject
    S3Client s3;

    @TestHTTPResource("/")
    URI base;

    private static String publish(EventPayload payload) {
        return KafkaTestClient.publish("variant-worker", payload);
    }

    private static VariantReady poster(UUID asset, String key, String type, String format) {
        return new VariantReady(SourceKind.ROOM_ASSET, asset, type, format, 320, 240, 2000, "user-uploads",
                StoragePaths.variantKey(key, type, 320, 240, format), "image/" + format, EXPECTED);
    }

    private static VariantReady web(UUID asset, String key, long size) {
        return new VariantReady(SourceKind.ROOM_ASSET, asset, VideoOutputs.WEB_VARIANT, VideoOutputs.WEB_FORMAT, 320,
                240, size, "user-uploads", webKey(key), VideoOutputs.WEB_CONTENT_TYPE, EXPECTED);
    }

    private static String webKey(String key) {
        return StoragePaths.variantKey(key, VideoOutputs.WEB_VARIANT, 320, 240, VideoOutputs.WEB_FORMAT);
    }

    @Test
    void aVideoGetsItsFiguresAGrowingPercentageThenIsReadyWithAWebMp4ThatPlaysInline() throws Throwable {
        String user = TestSupport.newUser();
        String roomId = TestSupport.sessionWithRoom(user).get(1);
        byte[] original = GeneratedVideos.mp4(2, 320, 240);
        String assetId = VideoTestSupport.upload(user, roomId, "walk.mp4", "video/mp4", original);
        UUID id = UUID.fromString(assetId);
        String key = as(user).get("/assets/" + assetId).path("storagePath");

        try (SseTestClient stream = SseTestClient.open(base, TestSupport.token(user), null)) {
            assertThat(stream.next(WAIT).event()).isEqualTo("stream.ready");

            publish(new VideoProbed(id, 2.04, 320, 240, "h264", "aac"));
            await().atMost(WAIT).untilAsserted(() -> as(user).get("/assets/" + assetId).then()
                    .body("status", equalTo("processing")).body("durationSeconds", equalTo(2.04f))
                    .body("width", equalTo(320)).body("height", equalTo(240)).body("videoCodec", equalTo("h264"))
                    .body("audioCodec", equalTo("aac")).body("processingProgress", nullValue()));

            for (String type : List.of("thumbnail", "optimized")) {
                for (String format : List.of("jpeg", "webp")) {
                    publish(poster(id, key, type, format));
                }
            }
            String thirty = publish(new VideoProgress(id, 30));
            publish(new VideoProgress(id, 20)); // a late step: the percentage never goes back
            await().atMost(WAIT).untilAsserted(() -> as(user).get("/assets/" + assetId).then()
                    .body("processingProgress", equalTo(30)).body("variants", hasSize(4)));
            publish(new VideoProgress(id, 60));
            KafkaTestClient.send("video.progress", assetId, thirty); // a redelivery changes nothing
            await().atMost(WAIT).untilAsserted(() -> as(user).get("/assets/" + assetId).then()
                    .body("processingProgress", equalTo(60)).body("status", equalTo("processing")));

            // the worker uploads the web MP4, then announces it
            byte[] webMp4 = GeneratedVideos.mp4(2, 320, 240);
            s3.putObject(b -> b.bucket("user-uploads").key(webKey(key)).contentType("video/mp4"),
                    RequestBody.fromBytes(webMp4));
            publish(web(id, key, webMp4.length));
            await().atMost(WAIT).untilAsserted(() -> as(user).get("/assets/" + assetId).then()
                    .body("status", equalTo("ready")).body("processingProgress", equalTo(100))
                    .body("variants", hasSize(EXPECTED)));

            publish(new VideoProgress(id, 10)); // a retried attempt's first step, after the fact
            Response ready = as(user).get("/assets/" + assetId);
            String webUrl = ready.path("variants.find { it.variantType == 'web' }.url");
            assertThat(ready.<String>path("variants.find { it.variantType == 'web' }.contentType"))
                    .isEqualTo("video/mp4");
            assertThat(ready.<String>path("variants.find { it.variantType == 'web' }.format")).isEqualTo("mp4");
            HttpResponse<byte[]> played = TestSupport.get(webUrl);
            assertThat(played.statusCode()).isEqualTo(200);
            assertThat(played.body()).isEqualTo(webMp4);
            assertThat(played.headers().firstValue("Content-Type")).hasValue("video/mp4");
            assertThat(played.headers().firstValue("Content-Disposition")).isEmpty();

            // the owner saw each step: the probe, the first posters, the percentages, then ready
            List<JsonPath> processing = new ArrayList<>();
            for (SseTestClient.SseEvent event = stream.next(WAIT); !event.event().equals("asset.ready");
                    event = stream.next(WAIT)) {
                assertThat(event.event()).isEqualTo("asset.processing");
                processing.add(JsonPath.from(event.data()));
            }
            assertThat(processing).extracting(data -> data.get("processingProgress")).containsSubsequence(30, 60);
            assertThat(processing).extracting(data -> data.<Object>get("processingProgress")).doesNotContain(20);
            assertThat(processing.get(0).getString("assetType")).isEqualTo("video");
        }
        await().during(Duration.ofSeconds(3)).atMost(WAIT).untilAsserted(() -> as(user).get("/assets/" + assetId)
                .then().body("processingProgress", equalTo(100)).body("status", equalTo("ready")));

        // the audit log keeps the probe's findings and each status, not each percentage
        assertThat(auditRowsChanging(id, "duration_seconds")).isEqualTo(1);
        assertThat(auditRowsChanging(id, "status")).isEqualTo(3); // uploaded, processing, ready
        assertThat(auditRowsChanging(id, "processing_progress")).isZero();
    }

    /** Updates of the asset the audit log holds that changed {@code column}. */
    private static long auditRowsChanging(UUID assetId, String column) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> Panache.getSession()
                .chain(s -> s.createNativeQuery("SELECT count(*) FROM audit_log WHERE entity_id = :id"
                        + " AND action = 'updated' AND :column = ANY(changed_fields)", Long.class)
                        .setParameter("id", assetId)
                        .setParameter("column", column).getSingleResult())));
    }

    @Test
    void aFailedWebMp4FailsTheVideoWithTheReason() {
        String user = TestSupport.newUser();
        String roomId = TestSupport.sessionWithRoom(user).get(1);
        String assetId = VideoTestSupport.upload(user, roomId, "long.webm", "video/webm",
                GeneratedVideos.webm(1, 160, 120));
        UUID id = UUID.fromString(assetId);
        publish(new VideoProbed(id, 1.0, 160, 120, "vp9", null));
        publish(new VariantFailed(SourceKind.ROOM_ASSET, id,
                VideoOutputs.WEB_VARIANT, VideoOutputs.WEB_FORMAT, "ffmpeg failed 3 times", 3));
        await().atMost(WAIT).untilAsserted(() -> as(user).get("/assets/" + assetId).then()
                .body("status", equalTo("failed")).body("failureReason", org.hamcrest.Matchers
                        .containsString("ffmpeg failed")).body("audioCodec", nullValue())
                .body("videoCodec", equalTo("vp9")));
        publish(new VideoProgress(id, 50)); // a failed video keeps what it has
        await().during(Duration.ofSeconds(2)).atMost(WAIT).untilAsserted(() -> as(user).get("/assets/" + assetId)
                .then().body("processingProgress", nullValue()).body("status", equalTo("failed")));
    }

    @Test
    void videoEventsNoWorkerWouldSendAreDeadLetteredAndChangeNothing() {
        String user = TestSupport.newUser();
        String roomId = TestSupport.sessionWithRoom(user).get(1);
        String photo = TestSupport.upload(user, roomId, "photo", "p.jpg", "image/jpeg", TestSupport.jpeg(40, 30));
        String video = VideoTestSupport.upload(user, roomId, "v.mp4", "video/mp4", GeneratedVideos.mp4(1, 160, 120));
        String pending = VideoTestSupport.request(user, roomId, "p.mp4", "video/mp4", 1000, java.util.Map.of())
                .then().statusCode(201).extract().path("assetId");
        UUID photoId = UUID.fromString(photo);
        UUID videoId = UUID.fromString(video);
        String photoKey = as(user).get("/assets/" + photo).path("storagePath");

        publish(new VideoProbed(photoId, 2, 320, 240, "h264", "aac"));
        publish(new VideoProgress(photoId, 50));
        publish(new VideoProbed(videoId, 2, 320, 240, "<script>", "aac"));
        publish(new VideoProbed(videoId, Double.NaN, 320, 240, "h264", "aac"));
        publish(new VideoProbed(videoId, 2, 0, 240, "h264", "aac"));
        publish(new VideoProgress(videoId, 101));
        publish(new VideoProbed(UUID.fromString(pending), 2, 320, 240, "h264", "aac")); // not confirmed yet
        publish(web(photoId, photoKey, 1000)); // a web MP4 of a photo

        await().atMost(WAIT).until(() -> KafkaTestClient.records(PlatformService.ASSET_SERVICE.deadLetter(
                Topic.VIDEO_PROBED), List.of(photo, video, pending)).size() == 5);
        await().atMost(WAIT).until(() -> KafkaTestClient.records(PlatformService.ASSET_SERVICE.deadLetter(
                Topic.VIDEO_PROGRESS), List.of(photo, video)).size() == 2);
        await().atMost(WAIT).until(() -> KafkaTestClient.records(PlatformService.ASSET_SERVICE.deadLetter(
                Topic.VARIANT_READY), photo).size() == 1);

        // a genuine event after them is applied; the photo has no video fields
        publish(new VideoProbed(videoId, 1.0, 160, 120, "h264", "aac"));
        await().atMost(WAIT).untilAsserted(() -> as(user).get("/assets/" + video).then()
                .body("durationSeconds", equalTo(1.0f)).body("width", equalTo(160)));
        as(user).get("/assets/" + photo).then().body("durationSeconds", nullValue())
                .body("processingProgress", nullValue()).body("width", equalTo(40)).body("variants", hasSize(0));
        as(user).get("/assets/" + pending).then().body("status", equalTo("pending")).body("durationSeconds", nullValue());
    }
}
