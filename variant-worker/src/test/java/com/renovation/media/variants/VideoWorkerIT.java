package com.renovation.media.variants;

import static com.renovation.media.variants.VideoUploads.count;
import static com.renovation.media.variants.VideoUploads.events;
import static com.renovation.media.variants.VideoUploads.webReady;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.renovation.media.contracts.events.payload.AssetConfirmed;
import com.renovation.media.contracts.events.payload.AssetDeleted;
import com.renovation.media.messaging.testing.KafkaTestClient;
import com.renovation.media.storage.s3.CacheControl;
import com.renovation.media.variants.imaging.WorkerFixtures;
import com.renovation.media.variants.video.ProbedVideo;
import com.renovation.media.variants.video.TestVideos;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Videos generated with ffmpeg, confirmed as asset-service confirms them, through the running worker and the real
 * ffprobe and ffmpeg: posters, the probe's facts, progress and a web MP4 that is probed again.
 */
@QuarkusTest
class VideoWorkerIT {

    private static final Duration MADE = Duration.ofSeconds(120);

    @Inject
    S3Client s3;

    @Inject
    MeterRegistry registry;

    private VideoUploads uploads;

    @BeforeEach
    void uploads() {
        uploads = new VideoUploads(s3);
    }

    private List<JsonNode> madeInFull(AssetConfirmed asset) {
        KafkaTestClient.publish("asset-service", asset);
        await().atMost(MADE).until(() -> !webReady(asset.assetId()).isEmpty());
        return events("variant.ready", asset.assetId());
    }

    private static JsonNode variant(List<JsonNode> ready, String type, String format) {
        return ready.stream().filter(v -> v.get("variantType").asText().equals(type)
                && v.get("format").asText().equals(format)).findFirst().orElseThrow();
    }

    private long transcodes(String outcome) {
        Timer timer = registry.find("videos.transcode").tag("outcome", outcome).timer();
        return timer == null ? 0 : timer.count();
    }

    @Test
    void anMp4GetsPostersItsFactsProgressAndAWebCopyThatPlaysFromTheStart() {
        AssetConfirmed asset = uploads.confirmed(TestVideos.mp4(), "clip.mp4", "video/mp4");
        List<JsonNode> ready = madeInFull(asset);

        // four posters (thumbnail and optimized, JPEG and WebP) and the web MP4, each counting all five
        assertThat(ready).hasSize(5);
        assertThat(ready).allSatisfy(v -> assertThat(v.get("expectedVariants").asInt()).isEqualTo(5));
        for (String preset : List.of("thumbnail", "optimized")) {
            for (String format : List.of("jpeg", "webp")) {
                JsonNode poster = variant(ready, preset, format);
                BufferedImage image = WorkerFixtures.decode(uploads.object(poster.get("storagePath").asText()));
                assertThat(image.getWidth()).isEqualTo(poster.get("width").asInt()).isGreaterThan(image.getHeight());
            }
        }
        assertThat(variant(ready, "optimized", "jpeg").get("width").asInt()).as("never upscaled").isEqualTo(640);

        JsonNode web = variant(ready, "web", "mp4");
        assertThat(web.get("contentType").asText()).isEqualTo("video/mp4");
        assertThat(web.get("width").asInt()).isEqualTo(640);
        assertThat(web.get("height").asInt()).isEqualTo(360);
        byte[] mp4 = uploads.object(web.get("storagePath").asText());
        assertThat(web.get("fileSize").asLong()).isEqualTo(mp4.length);
        ProbedVideo made = TestVideos.probe(mp4);
        assertThat(made.videoTracks()).singleElement().satisfies(track -> {
            assertThat(track.codec()).isEqualTo("h264");
            assertThat(track.storedHeight()).isLessThanOrEqualTo(720);
        });
        assertThat(made.audio().codec()).isEqualTo("aac");
        assertThat(made.durationSeconds().getAsDouble()).isCloseTo(3.0, within(0.15));
        List<String> boxes = TestVideos.topLevelBoxes(mp4);
        assertThat(boxes).contains("moov", "mdat");
        assertThat(boxes.indexOf("moov")).as("faststart: the index before the media").isLessThan(boxes.indexOf("mdat"));

        JsonNode probed = events("video.probed", asset.assetId()).get(0);
        assertThat(probed.get("durationSeconds").asDouble()).isCloseTo(3.0, within(0.1));
        assertThat(probed.get("width").asInt()).isEqualTo(640);
        assertThat(probed.get("height").asInt()).isEqualTo(360);
        assertThat(probed.get("videoCodec").asText()).isEqualTo("h264");
        assertThat(probed.get("audioCodec").asText()).isEqualTo("aac");

        List<Integer> progress = events("video.progress", asset.assetId()).stream()
                .map(p -> p.get("percent").asInt()).toList();
        assertThat(progress).isNotEmpty().isSortedAccordingTo(Integer::compare).doesNotHaveDuplicates().last()
                .isEqualTo(100);

        // the posters and the web MP4 (sent in parts in tests) alike
        assertThat(uploads.variantKeys(asset)).hasSize(5).allSatisfy(key -> assertThat(uploads.cacheControl(key))
                .as("Cache-Control of %s", key).isEqualTo(CacheControl.PRIVATE_VARIANT));
        assertThat(count("SELECT count(*) FROM variants WHERE source_id = :id", asset.assetId())).isEqualTo(5);
        assertThat(count("SELECT count(*) FROM transcode_jobs WHERE source_id = :id AND status = 'done'"
                + " AND attempts = 1", asset.assetId())).isEqualTo(1);
    }

    @Test
    void aClipStoredSidewaysGetsUprightPostersAndAnUprightWebCopy() {
        AssetConfirmed asset = uploads.confirmed(TestVideos.rotatedPortrait(), "portrait.mp4", "video/mp4");
        List<JsonNode> ready = madeInFull(asset);

        JsonNode optimized = variant(ready, "optimized", "jpeg");
        assertThat(optimized.get("width").asInt()).isEqualTo(360);
        assertThat(optimized.get("height").asInt()).isEqualTo(640);
        BufferedImage poster = WorkerFixtures.decode(uploads.object(optimized.get("storagePath").asText()));
        assertThat(new Color(poster.getRGB(180, 40)).getRed()).as("red above").isGreaterThan(200);
        assertThat(new Color(poster.getRGB(180, 600)).getBlue()).as("blue below").isGreaterThan(200);

        JsonNode probed = events("video.probed", asset.assetId()).get(0);
        assertThat(probed.get("width").asInt()).isEqualTo(360);
        assertThat(probed.get("height").asInt()).isEqualTo(640);

        JsonNode web = variant(ready, "web", "mp4");
        assertThat(web.get("width").asInt()).isEqualTo(360);
        assertThat(web.get("height").asInt()).isEqualTo(640);
        ProbedVideo.VideoTrack track = TestVideos.probe(uploads.object(web.get("storagePath").asText()))
                .videoTracks().get(0);
        assertThat(track.rotation()).as("turned upright, not left to the player").isZero();
        assertThat(track.storedWidth()).isEqualTo(360);
        assertThat(track.storedHeight()).isEqualTo(640);
    }

    @Test
    void aSilentQuickTimeAndAWebmGetWebCopiesTooTheSilentOneWithoutSound() {
        AssetConfirmed mov = uploads.confirmed(TestVideos.silentMov(), "silent.mov", "video/quicktime");
        AssetConfirmed webm = uploads.confirmed(TestVideos.webm(), "clip.webm", "video/webm");

        JsonNode silent = variant(madeInFull(mov), "web", "mp4");
        ProbedVideo silentCopy = TestVideos.probe(uploads.object(silent.get("storagePath").asText()));
        assertThat(silentCopy.videoTracks()).singleElement().extracting(ProbedVideo.VideoTrack::codec).isEqualTo("h264");
        assertThat(silentCopy.audioTracks()).as("no audio track for a silent video").isEmpty();
        JsonNode movProbed = events("video.probed", mov.assetId()).get(0);
        assertThat(movProbed.has("audioCodec")).isFalse();

        JsonNode fromWebm = variant(madeInFull(webm), "web", "mp4");
        ProbedVideo webmCopy = TestVideos.probe(uploads.object(fromWebm.get("storagePath").asText()));
        assertThat(webmCopy.videoTracks().get(0).codec()).isEqualTo("h264");
        assertThat(webmCopy.audio().codec()).isEqualTo("aac");
        JsonNode webmProbed = events("video.probed", webm.assetId()).get(0);
        assertThat(webmProbed.get("videoCodec").asText()).isEqualTo("vp9");
        assertThat(webmProbed.get("audioCodec").asText()).isEqualTo("opus");
    }

    @Test
    void aVideoDeletedWhileItsWebCopyIsMadeKeepsNothing() throws InterruptedException {
        AssetConfirmed asset = uploads.confirmed(TestVideos.mp4(), "gone.mp4", "video/mp4");
        HeldTranscoder.Hold hold = HeldTranscoder.hold(asset.assetId(), false);
        long deletedBefore = transcodes("deleted");
        KafkaTestClient.publish("asset-service", asset);
        hold.awaitInFlight();
        assertThat(events("variant.ready", asset.assetId())).as("the posters").hasSize(4);

        KafkaTestClient.publish("asset-service", new AssetDeleted(asset.assetId(), asset.sessionId(), asset.roomId(),
                VideoUploads.BUCKET, List.of(asset.storagePath())));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                count("SELECT count(*) FROM deleted_sources WHERE source_id = :id", asset.assetId()) == 1);
        hold.release();

        await().atMost(MADE).until(() -> transcodes("deleted") > deletedBefore);
        await().atMost(Duration.ofSeconds(30)).until(() -> count("SELECT count(*) FROM variants WHERE source_id = :id",
                asset.assetId()) == 0);
        assertThat(uploads.variantKeys(asset)).isEmpty();
        assertThat(count("SELECT count(*) FROM transcode_jobs WHERE source_id = :id", asset.assetId())).isZero();
        assertThat(webReady(asset.assetId())).isEmpty();
    }

    @Test
    void aJobWhoseWorkerDiedIsTakenAgainAfterItsLeaseAndMadeOnce() throws InterruptedException {
        AssetConfirmed asset = uploads.confirmed(TestVideos.mp4(), "lease.mp4", "video/mp4");
        HeldTranscoder.Hold dying = HeldTranscoder.hold(asset.assetId(), true);
        long takenOverBefore = transcodes("taken-over");
        KafkaTestClient.publish("asset-service", asset);
        dying.awaitInFlight();
        assertThat(count("SELECT count(*) FROM transcode_jobs WHERE source_id = :id AND attempts = 1"
                + " AND claim_id IS NOT NULL AND lease_until > now()", asset.assetId())).as("claimed").isEqualTo(1);

        // the worker stopped renewing its lease; let it run out now rather than in five minutes
        VideoUploads.execute("UPDATE transcode_jobs SET lease_until = now() - interval '1 second'"
                + " WHERE source_id = :id", asset.assetId());
        await().atMost(MADE).until(() -> !webReady(asset.assetId()).isEmpty());
        Object[] job = VideoUploads.rows("SELECT status, attempts FROM transcode_jobs"
                + " WHERE source_id = :id", asset.assetId()).get(0);
        assertThat(job[0]).isEqualTo("done");
        assertThat(((Number) job[1]).intValue()).isEqualTo(2);

        // the first worker comes back to a job that is no longer its own: it records nothing
        dying.release();
        await().atMost(Duration.ofSeconds(30)).until(() -> transcodes("taken-over") > takenOverBefore);
        assertThat(webReady(asset.assetId())).hasSize(1);
        assertThat(events("variant.failed", asset.assetId())).isEmpty();
        assertThat(count("SELECT count(*) FROM transcode_jobs WHERE source_id = :id AND status = 'done'"
                + " AND claim_id IS NULL", asset.assetId())).isEqualTo(1);
        assertThat(uploads.variantKeys(asset)).hasSize(5);
    }

    @Test
    void aFailedTranscodeIsTriedAgainAndAfterItsLastAttemptFailsTheWebCopy() {
        AssetConfirmed once = uploads.confirmed(TestVideos.mp4Of(2), "once.mp4", "video/mp4");
        AssetConfirmed always = uploads.confirmed(TestVideos.mp4Of(2), "always.mp4", "video/mp4");
        HeldTranscoder.failing(once.assetId(), 1);
        HeldTranscoder.failing(always.assetId(), 3);
        KafkaTestClient.publish("asset-service", once);
        KafkaTestClient.publish("asset-service", always);

        await().atMost(MADE).until(() -> !webReady(once.assetId()).isEmpty());
        assertThat(count("SELECT count(*) FROM transcode_jobs WHERE source_id = :id AND status = 'done'"
                + " AND attempts = 2", once.assetId())).isEqualTo(1);

        await().atMost(MADE).until(() -> !events("variant.failed", always.assetId()).isEmpty());
        JsonNode failed = events("variant.failed", always.assetId()).get(0);
        assertThat(failed.get("variantType").asText()).isEqualTo("web");
        assertThat(failed.get("format").asText()).isEqualTo("mp4");
        assertThat(failed.get("attempts").asInt()).isEqualTo(3);
        assertThat(failed.get("error").asText()).isEqualTo("ffmpeg failed: Invalid data found when processing input");
        assertThat(webReady(always.assetId())).isEmpty();
        assertThat(events("variant.ready", always.assetId())).as("the posters stay").hasSize(4);
        assertThat(count("SELECT count(*) FROM transcode_jobs WHERE source_id = :id AND status = 'failed'"
                + " AND attempts = 3", always.assetId())).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM variants WHERE source_id = :id AND variant_type = 'web'"
                + " AND processing_status = 'failed'", always.assetId())).isEqualTo(1);
    }
}
