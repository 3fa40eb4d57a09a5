package com.renovation.media.variants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.renovation.media.contracts.events.payload.AssetConfirmed;
import com.renovation.media.messaging.testing.KafkaTestClient;
import com.renovation.media.storage.layout.StoragePaths;
import com.renovation.media.variants.imaging.WorkerFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** With AVIF configured, a source is ready on its web formats; its AVIF variants follow as further events. */
@QuarkusTest
@TestProfile(AvifAfterReadyIT.WithAvif.class)
class AvifAfterReadyIT {

    public static class WithAvif implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("platform.variants.formats", "jpeg,webp,avif");
        }
    }

    private static final String BUCKET = "user-uploads";

    @Inject
    S3Client s3;

    @Test
    void theWebFormatsAreAnnouncedFirstAndAvifFollowsWithTheSameReadyCount() {
        byte[] image = WorkerFixtures.jpegWithExif(1600, 1200, 1);
        UUID session = UUID.randomUUID();
        UUID room = UUID.randomUUID();
        String key = StoragePaths.assetKey(session, room, "photo", StoragePaths.uniqueTimestamp(), "a.jpg");
        s3.putObject(b -> b.bucket(BUCKET).key(key).contentType("image/jpeg"), RequestBody.fromBytes(image));
        AssetConfirmed asset = new AssetConfirmed(UUID.randomUUID(), session, room, "owner", "photo",
                BUCKET, key, "image/jpeg", image.length, "0".repeat(64));
        KafkaTestClient.publish("asset-service", asset);

        await().atMost(Duration.ofSeconds(90))
                .until(() -> KafkaTestClient.eventData("variant.ready", asset.assetId().toString()).size() >= 6);
        List<JsonNode> ready = KafkaTestClient.eventData("variant.ready", asset.assetId().toString());
        assertThat(ready).hasSize(6)
                .allSatisfy(v -> assertThat(v.get("expectedVariants").asInt()).as("presets × web formats").isEqualTo(4));
        List<String> formats = ready.stream().map(v -> v.get("format").asText()).toList();
        // one key, one partition: the order of the topic is the order they were committed in
        assertThat(formats.subList(0, 4)).containsOnly("jpeg", "webp");
        assertThat(formats.subList(4, 6)).containsOnly("avif");

        JsonNode avif = ready.get(4);
        assertThat(avif.get("contentType").asText()).isEqualTo("image/avif");
        byte[] bytes = s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(avif.get("storagePath").asText())).asByteArray();
        assertThat(WorkerFixtures.contains(bytes, "ftypavif")).isTrue();
        assertThat(WorkerFixtures.contains(bytes, "Exif")).isFalse();
    }
}
