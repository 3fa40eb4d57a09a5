package com.renovation.media.variants;

import static com.renovation.media.variants.VideoUploads.count;
import static com.renovation.media.variants.VideoUploads.events;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.renovation.media.contracts.events.payload.AssetConfirmed;
import com.renovation.media.messaging.testing.KafkaTestClient;
import com.renovation.media.variants.video.TestVideos;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Videos that lie or overreach, through the running worker: each ends as variant.failed "all" with a reason a
 * person can read, and nothing is kept of it (no object in its variants folder, no row but the failure, no probe
 * event, no transcode job); the worker goes on with the next video.
 */
@QuarkusTest
class HostileVideosIT {

    @Inject
    S3Client s3;

    private VideoUploads uploads;

    @BeforeEach
    void uploads() {
        uploads = new VideoUploads(s3);
    }

    private String refusal(byte[] video, String name, String contentType) {
        AssetConfirmed asset = uploads.confirmed(video, name, contentType);
        KafkaTestClient.publish("asset-service", asset);
        await().atMost(Duration.ofSeconds(90)).until(() -> !events("variant.failed", asset.assetId()).isEmpty());
        JsonNode failed = events("variant.failed", asset.assetId()).get(0);
        assertThat(failed.get("variantType").asText()).isEqualTo("all");
        assertThat(uploads.variantKeys(asset)).as("nothing stored").isEmpty();
        assertThat(events("variant.ready", asset.assetId())).isEmpty();
        assertThat(events("video.probed", asset.assetId())).isEmpty();
        assertThat(count("SELECT count(*) FROM transcode_jobs WHERE source_id = :id", asset.assetId())).isZero();
        assertThat(count("SELECT count(*) FROM variants WHERE source_id = :id AND variant_type = 'all'"
                + " AND processing_status = 'failed'", asset.assetId())).isEqualTo(1);
        return failed.get("error").asText();
    }

    @Test
    void anMp4WhoseBytesAfterItsBrandAreNoContainerIsRefused() {
        assertThat(refusal(TestVideos.ftypThenGarbage(), "fake.mp4", "video/mp4"))
                .startsWith("not a readable MP4 video (").contains("moov atom not found");
    }

    @Test
    void aFileWithTwoVideoStreamsIsRefused() {
        assertThat(refusal(TestVideos.twoVideoStreams(), "two.mp4", "video/mp4"))
                .isEqualTo("the file has 2 video streams; only one is accepted");
    }

    @Test
    void aVideoLongerThanTheMaximumIsRefused() {
        assertThat(refusal(TestVideos.mp4Of(6), "long.mp4", "video/mp4"))
                .isEqualTo("the video is 0:06 long, above the 0:05 limit");
    }

    @Test
    void aWebmDeclaredAsMp4AndAnH264MatroskaDeclaredAsWebmAreRefused() {
        assertThat(refusal(TestVideos.webm(), "webm.mp4", "video/mp4")).startsWith("not a readable MP4 video (");
        assertThat(refusal(TestVideos.h264InMatroska(), "h264.webm", "video/webm"))
                .isEqualTo("a WebM file cannot carry h264 video");
    }

    @Test
    void theWorkerGoesOnWithTheNextVideo() {
        refusal(TestVideos.ftypThenGarbage(), "first.mp4", "video/mp4");
        AssetConfirmed next = uploads.confirmed(TestVideos.mp4Of(2), "next.mp4", "video/mp4");
        KafkaTestClient.publish("asset-service", next);
        await().atMost(Duration.ofSeconds(120)).until(() -> !VideoUploads.webReady(next.assetId()).isEmpty());
    }
}
