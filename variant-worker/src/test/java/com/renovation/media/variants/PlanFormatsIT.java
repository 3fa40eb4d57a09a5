package com.renovation.media.variants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.renovation.media.contracts.events.payload.AssetConfirmed;
import com.renovation.media.messaging.testing.KafkaTestClient;
import com.renovation.media.storage.layout.StoragePaths;
import com.renovation.media.variants.imaging.WorkerFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** With every format configured, an asset gets only those its owner's plan allows (asset.confirmed says which). */
@QuarkusTest
@TestProfile(AvifAfterReadyIT.WithAvif.class)
class PlanFormatsIT {

    private static final String BUCKET = "user-uploads";

    @Inject
    S3Client s3;

    private AssetConfirmed confirmed(List<String> formats) {
        byte[] image = WorkerFixtures.jpegWithExif(800, 600, 1);
        UUID session = UUID.randomUUID();
        UUID room = UUID.randomUUID();
        String key = StoragePaths.assetKey(session, room, "photo", StoragePaths.uniqueTimestamp(), "p.jpg");
        s3.putObject(b -> b.bucket(BUCKET).key(key).contentType("image/jpeg"), RequestBody.fromBytes(image));
        return new AssetConfirmed(UUID.randomUUID(), session, room, "owner", "photo", BUCKET, key, "image/jpeg",
                image.length, "0".repeat(64), formats);
    }

    private static List<JsonNode> ready(AssetConfirmed asset) {
        return KafkaTestClient.eventData("variant.ready", asset.assetId().toString());
    }

    @Test
    void aFreeOwnersAssetGetsNoAvifWhileAnUnrestrictedOneDoes() {
        AssetConfirmed free = confirmed(List.of("jpeg", "webp"));
        AssetConfirmed pro = confirmed(List.of("jpeg", "webp", "avif"));
        KafkaTestClient.publish("asset-service", free);
        KafkaTestClient.publish("asset-service", pro);

        // the pro asset's AVIF comes after the free one's web formats: once it is there, the free one is done
        await().atMost(Duration.ofSeconds(120)).until(() -> ready(pro).size() >= 6);
        assertThat(ready(pro).stream().map(v -> v.get("format").asText())).contains("avif");
        assertThat(ready(free)).hasSize(4).allSatisfy(v -> {
            assertThat(v.get("format").asText()).isIn("jpeg", "webp");
            assertThat(v.get("expectedVariants").asInt()).isEqualTo(4);
        });
    }

    @Test
    void aSingleAllowedWebFormatIsAllThatIsMadeAndAllThatMakesTheAssetReady() {
        AssetConfirmed jpegOnly = confirmed(List.of("jpeg"));
        KafkaTestClient.publish("asset-service", jpegOnly);

        await().atMost(Duration.ofSeconds(90)).until(() -> ready(jpegOnly).size() >= 2);
        AssetConfirmed after = confirmed(null); // the configured formats, as events before plans
        KafkaTestClient.publish("asset-service", after);
        await().atMost(Duration.ofSeconds(120)).until(() -> ready(after).size() >= 6);
        assertThat(ready(jpegOnly)).hasSize(2).allSatisfy(v -> {
            assertThat(v.get("format").asText()).isEqualTo("jpeg");
            assertThat(v.get("expectedVariants").asInt()).as("presets × allowed web formats").isEqualTo(2);
        });
    }
}
