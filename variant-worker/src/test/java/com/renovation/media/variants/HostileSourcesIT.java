package com.renovation.media.variants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.renovation.media.contracts.events.EventJson;
import com.renovation.media.contracts.events.PlatformService;
import com.renovation.media.contracts.events.Topic;
import com.renovation.media.contracts.events.payload.AssetConfirmed;
import com.renovation.media.contracts.events.payload.AssetDeleted;
import com.renovation.media.contracts.events.payload.CatalogImageAdded;
import com.renovation.media.messaging.testing.KafkaTestClient;
import com.renovation.media.storage.layout.StoragePaths;
import com.renovation.media.storage.testing.HostileImages;
import com.renovation.media.variants.imaging.WorkerFixtures;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Events and files an attacker controls, through the running worker: forged events naming someone else's keys go
 * to the dead-letter topic untouched; hostile images end as variant.failed with their reason, and the worker goes
 * on with the next record.
 */
@QuarkusTest
class HostileSourcesIT {

    private static final String BUCKET = "user-uploads";

    @Inject
    S3Client s3;

    private AssetConfirmed stored(byte[] image, String name, String contentType) {
        UUID session = UUID.randomUUID();
        UUID room = UUID.randomUUID();
        String key = StoragePaths.assetKey(session, room, "photo", StoragePaths.uniqueTimestamp(), name);
        s3.putObject(b -> b.bucket(BUCKET).key(key).contentType(contentType), RequestBody.fromBytes(image));
        return new AssetConfirmed(UUID.randomUUID(), session, room, "owner", "photo", BUCKET, key, contentType,
                image.length, "0".repeat(64));
    }

    private List<String> keysUnder(String prefix) {
        return s3.listObjectsV2Paginator(b -> b.bucket(BUCKET).prefix(prefix)).contents().stream()
                .map(o -> o.key()).toList();
    }

    private static List<String> deadLetterReasons(String topic, String eventJson) {
        String id = EventJson.read(eventJson).id().toString();
        return KafkaTestClient.records(topic).stream().filter(r -> r.value().contains(id))
                .map(HostileSourcesIT::reason).toList();
    }

    private static String reason(ConsumerRecord<String, String> record) {
        return new String(record.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8);
    }

    private static JsonNode failure(UUID source) {
        await().atMost(Duration.ofSeconds(90)).until(() -> !KafkaTestClient.eventData("variant.failed",
                source.toString()).isEmpty());
        return KafkaTestClient.eventData("variant.failed", source.toString()).get(0);
    }

    private void workerStillMakesVariants() {
        AssetConfirmed next = stored(WorkerFixtures.progressiveJpeg(300, 200), "next.jpg", "image/jpeg");
        KafkaTestClient.publish("asset-service", next);
        await().atMost(Duration.ofSeconds(60)).until(() ->
                KafkaTestClient.eventData("variant.ready", next.assetId().toString()).size() == 4);
    }

    @Test
    void aConfirmNamingAnotherSessionsKeyIsDeadLetteredAndNothingIsReadOrWritten() {
        AssetConfirmed victim = stored(WorkerFixtures.progressiveJpeg(400, 300), "private.jpg", "image/jpeg");
        UUID attackerSession = UUID.randomUUID();
        UUID attackerRoom = UUID.randomUUID();
        AssetConfirmed forged = new AssetConfirmed(UUID.randomUUID(), attackerSession, attackerRoom, "mallory", "photo",
                BUCKET, victim.storagePath(), "image/jpeg", victim.fileSize(), "0".repeat(64));
        String json = KafkaTestClient.publish("asset-service", forged);

        await().atMost(Duration.ofSeconds(60)).until(() ->
                !deadLetterReasons(PlatformService.VARIANT_WORKER.deadLetter(Topic.ASSET_CONFIRMED), json).isEmpty());
        assertThat(deadLetterReasons(PlatformService.VARIANT_WORKER.deadLetter(Topic.ASSET_CONFIRMED), json).get(0))
                .contains("asset.confirmed refused", victim.storagePath(), "not a key of session " + attackerSession);
        assertThat(keysUnder(StoragePaths.variantPrefix(victim.storagePath()))).isEmpty();
        assertThat(keysUnder(StoragePaths.sessionPrefix(attackerSession))).isEmpty();
        assertThat(KafkaTestClient.eventData("variant.ready", forged.assetId().toString())).isEmpty();
        assertThat(KafkaTestClient.eventData("variant.failed", forged.assetId().toString())).isEmpty();
    }

    @Test
    void aCatalogImageNamingAUsersUploadIsDeadLettered() {
        AssetConfirmed victim = stored(WorkerFixtures.progressiveJpeg(400, 300), "mine.jpg", "image/jpeg");
        CatalogImageAdded forged = new CatalogImageAdded(UUID.randomUUID(), "modern", BUCKET, victim.storagePath(),
                "image/jpeg");
        String json = KafkaTestClient.publish("catalog-service", forged);

        await().atMost(Duration.ofSeconds(60)).until(() ->
                !deadLetterReasons(PlatformService.VARIANT_WORKER.deadLetter(Topic.CATALOG_IMAGE_ADDED), json).isEmpty());
        assertThat(deadLetterReasons(PlatformService.VARIANT_WORKER.deadLetter(Topic.CATALOG_IMAGE_ADDED), json).get(0))
                .contains("catalog.image.added refused", "not a catalog bucket");
        assertThat(keysUnder(StoragePaths.variantPrefix(victim.storagePath()))).isEmpty();
    }

    @Test
    void aDeleteNamingAnotherSessionsOriginalIsDeadLetteredAndDeletesNothing() {
        AssetConfirmed victim = stored(WorkerFixtures.progressiveJpeg(400, 300), "keep.jpg", "image/jpeg");
        KafkaTestClient.publish("asset-service", victim);
        await().atMost(Duration.ofSeconds(60)).until(() ->
                KafkaTestClient.eventData("variant.ready", victim.assetId().toString()).size() == 4);
        String prefix = StoragePaths.variantPrefix(victim.storagePath());

        String json = KafkaTestClient.publish("asset-service", new AssetDeleted(UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), BUCKET, List.of(victim.storagePath())));
        await().atMost(Duration.ofSeconds(60)).until(() ->
                !deadLetterReasons(PlatformService.VARIANT_WORKER.deadLetter(Topic.ASSET_DELETED), json).isEmpty());
        assertThat(keysUnder(prefix)).hasSize(4);
    }

    @Test
    void aLosslessWebPWithTheCve20234863ShapeFailsCleanly() {
        AssetConfirmed exploit = stored(HostileImages.losslessWebPWithInvalidHuffmanCodes(), "exploit.webp",
                "image/webp");
        KafkaTestClient.publish("asset-service", exploit);
        assertThat(failure(exploit.assetId()).get("error").asText())
                .isEqualTo("corrupt WEBP data: invalid lossless prefix code (incomplete)");
        assertThat(keysUnder(StoragePaths.variantPrefix(exploit.storagePath()))).isEmpty();
        workerStillMakesVariants();
    }

    @Test
    void aProgressiveJpegScanBombFailsAndTheNextEventIsProcessed() {
        AssetConfirmed bomb = stored(HostileImages.progressiveJpegScanBomb(5000), "scans.jpg", "image/jpeg");
        KafkaTestClient.publish("asset-service", bomb);
        assertThat(failure(bomb.assetId()).get("error").asText()).contains("more than 100 scans");
        workerStillMakesVariants();
    }

    /**
     * HEIC shapes an attacker controls: cut short, declaring more pixels than the limit (refused from its meta box,
     * before the decoder starts), random bytes after a valid ftyp. Each ends as variant.failed with its reason, no
     * variant is stored, and the worker goes on.
     */
    @Test
    void hostileHeicsAreRefusedWithTheirReasonsAndNothingIsStored() {
        AssetConfirmed truncated = stored(WorkerFixtures.truncatedHeic(), "cut.heic", "image/heic");
        AssetConfirmed huge = stored(WorkerFixtures.heicDeclaring(60_000, 60_000), "huge.heic", "image/heic");
        AssetConfirmed garbage = stored(WorkerFixtures.garbageAfterHeicFtyp(), "garbage.heic", "image/heic");
        for (AssetConfirmed hostile : List.of(truncated, huge, garbage)) {
            KafkaTestClient.publish("asset-service", hostile);
        }
        assertThat(failure(truncated.assetId()).get("error").asText())
                .startsWith("could not decode the HEIF image: ").contains("end of file");
        assertThat(failure(huge.assetId()).get("error").asText())
                .isEqualTo("image is 60000×60000 = 3600 MP, above the 50 MP limit");
        assertThat(failure(garbage.assetId()).get("error").asText()).startsWith("corrupt HEIF container: ");
        for (AssetConfirmed hostile : List.of(truncated, huge, garbage)) {
            assertThat(keysUnder(StoragePaths.variantPrefix(hostile.storagePath()))).isEmpty();
            assertThat(KafkaTestClient.eventData("variant.ready", hostile.assetId().toString())).isEmpty();
        }
        workerStillMakesVariants();
    }

    @Test
    void aWebPAboveThePixelLimitIsRefusedFromItsHeaderAndTheNextEventIsProcessed() {
        AssetConfirmed huge = stored(HostileImages.webpWithHugeHeader(10_000, 6_000), "huge.webp", "image/webp");
        assertThat(huge.fileSize()).isLessThan(100);
        KafkaTestClient.publish("asset-service", huge);
        assertThat(failure(huge.assetId()).get("error").asText()).isEqualTo("image is 10000×6000 = 60 MP, above the 50 MP limit");
        workerStillMakesVariants();
    }
}
