package com.renovation.media.variants;

import com.renovation.media.messaging.testing.KafkaTestClient;
import com.renovation.media.messaging.testing.OperatorEndpoints;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.renovation.media.contracts.events.EventJson;
import com.renovation.media.contracts.events.EventPayload;
import com.renovation.media.contracts.events.payload.AssetConfirmed;
import com.renovation.media.contracts.events.payload.AssetDeleted;
import com.renovation.media.storage.layout.StoragePaths;
import com.renovation.media.storage.s3.CacheControl;
import com.renovation.media.storage.s3.ObjectStore;
import com.renovation.media.variants.imaging.JpegQuality;
import com.renovation.media.variants.imaging.VariantEncoder;
import com.renovation.media.variants.imaging.WorkerFixtures;
import com.renovation.media.web.testing.TestTokens;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/** asset.confirmed as asset-service publishes it, for real images in S3, through the running worker. */
@QuarkusTest
class VariantWorkerIT {

    private static final String BUCKET = "user-uploads";

    @Inject
    S3Client s3;

    @Inject
    ObjectStore objects;


    private static void publish(String topic, String key, String value) {
        KafkaTestClient.send(topic, key, value);
    }

    private static String publish(EventPayload payload) {
        return KafkaTestClient.publish("asset-service", payload);
    }

    private static List<JsonNode> events(String topic, UUID subject) {
        return KafkaTestClient.eventData(topic, subject.toString());
    }

    /** Puts the image where asset-service would have it, and announces it as confirmed. */
    private AssetConfirmed confirmed(byte[] image, String name, String contentType) {
        UUID session = UUID.randomUUID();
        UUID room = UUID.randomUUID();
        UUID asset = UUID.randomUUID();
        String key = StoragePaths.assetKey(session, room, "photo", StoragePaths.uniqueTimestamp(), name);
        // through the service's own (async) client: the blocking url-connection client's PUTs here failed twice in
        // CI runs ("Error writing request body to server", four attempts each), on a loaded machine
        objects.put(BUCKET, key, image, contentType).await().atMost(Duration.ofSeconds(30));
        return new AssetConfirmed(asset, session, room, "owner", "photo", BUCKET, key, contentType, image.length,
                "0".repeat(64));
    }

    private List<String> keysUnder(String prefix) {
        return s3.listObjectsV2Paginator(b -> b.bucket(BUCKET).prefix(prefix)).contents().stream()
                .map(o -> o.key()).toList();
    }

    private byte[] object(String key) {
        return s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(key)).asByteArray();
    }

    private static List<Object[]> query(String sql, UUID id) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> Panache.getSession()
                    .chain(s -> s.createNativeQuery(sql, Object[].class).setParameter("id", id).getResultList())));
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private static long count(String sql) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> Panache.getSession()
                    .chain(s -> s.createNativeQuery(sql, Long.class).getSingleResult())));
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private static long rows(UUID source) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> Panache.getSession()
                    .chain(s -> s.createNativeQuery("SELECT count(*) FROM variants WHERE source_id = :id", Long.class)
                            .setParameter("id", source).getSingleResult())));
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anUprightStrippedVariantSetIsMadeAndAnnouncedOnceEvenWhenRedelivered() {
        AssetConfirmed asset = confirmed(WorkerFixtures.jpegWithExif(1600, 1200, 6), "phone.jpg", "image/jpeg");
        String json = publish(asset);
        publish(asset.topic(), asset.subject(), json); // the same event again

        await().atMost(Duration.ofSeconds(60)).until(() -> events("variant.ready", asset.assetId()).size() >= 4);
        List<JsonNode> ready = events("variant.ready", asset.assetId());
        assertThat(ready).hasSize(4);
        assertThat(ready).allSatisfy(v -> assertThat(v.get("expectedVariants").asInt()).isEqualTo(4));
        JsonNode optimizedJpeg = ready.stream().filter(v -> v.get("variantType").asText().equals("optimized")
                && v.get("format").asText().equals("jpeg")).findFirst().orElseThrow();
        // orientation 6: the 1600x1200 landscape is stored sideways, so upright it is 900x1200
        assertThat(optimizedJpeg.get("width").asInt()).isEqualTo(900);
        assertThat(optimizedJpeg.get("height").asInt()).isEqualTo(1200);

        String prefix = StoragePaths.variantPrefix(asset.storagePath());
        List<String> keys = keysUnder(prefix);
        assertThat(keys).hasSize(4);
        for (String key : keys) {
            assertThat(s3.headObject(b -> b.bucket(BUCKET).key(key)).cacheControl()).as("Cache-Control of %s", key)
                    .isEqualTo(CacheControl.PRIVATE_VARIANT).isEqualTo("private, max-age=31536000, immutable");
            byte[] bytes = object(key);
            assertThat(WorkerFixtures.contains(bytes, "Exif")).as("EXIF in %s", key).isFalse();
            assertThat(WorkerFixtures.contains(bytes, WorkerFixtures.LEAK_MARKER)).isFalse();
            BufferedImage decoded = WorkerFixtures.decode(bytes);
            assertThat(decoded.getHeight()).isGreaterThan(decoded.getWidth());
        }
        assertThat(rows(asset.assetId())).isEqualTo(4);
        assertThat(s3.headObject(b -> b.bucket(BUCKET).key(asset.storagePath())).cacheControl())
                .as("the original is read through signed URLs only").isNull();
        byte[] original = object(asset.storagePath());
        assertThat(WorkerFixtures.contains(original, WorkerFixtures.LEAK_MARKER)).as("original untouched").isTrue();
    }

    @Test
    void eachRowRecordsTheQualityItsVariantWasEncodedWith() {
        AssetConfirmed asset = confirmed(WorkerFixtures.progressiveJpeg(900, 700), "quality.jpg", "image/jpeg");
        publish(asset);
        await().atMost(Duration.ofSeconds(60)).until(() -> events("variant.ready", asset.assetId()).size() == 4);

        List<Object[]> recorded = query("SELECT storage_path, format, quality FROM variants WHERE source_id = :id",
                asset.assetId());
        assertThat(recorded).hasSize(4);
        for (Object[] row : recorded) {
            String key = (String) row[0];
            int quality = ((Number) row[2]).intValue();
            if (row[1].equals("jpeg")) {
                assertThat(JpegQuality.of(object(key))).as("quality in %s", key).isEqualTo(quality);
            } else {
                assertThat(quality).as("quality of %s", key).isEqualTo(VariantEncoder.WEBP_QUALITY);
            }
        }
    }

    @Test
    void noTransactionStaysOpenWhileAVariantSetIsRenderedAndStored() throws InterruptedException {
        AssetConfirmed asset = confirmed(WorkerFixtures.progressiveJpeg(640, 480), "slow.jpg", "image/jpeg");
        HeldRenderer.hold(asset.assetId());
        publish(asset);
        HeldRenderer.awaitInFlight(asset.assetId());
        try {
            // a transaction open since before the render started would still be open now, held with the render
            await().atMost(Duration.ofSeconds(15)).until(() -> count("SELECT count(*) FROM pg_stat_activity"
                    + " WHERE datname = current_database() AND pid <> pg_backend_pid()"
                    + " AND xact_start < clock_timestamp() - interval '1 second'") == 0);
        } finally {
            HeldRenderer.release(asset.assetId());
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> events("variant.ready", asset.assetId()).size() == 4);
    }

    /** An iPhone's portrait HEIC, turned by its irot alone (not again by its EXIF), and an AVIF: JPEG and WebP each. */
    @Test
    void heicAndAvifSourcesGetTheSameUprightVariants() {
        AssetConfirmed heic = confirmed(WorkerFixtures.iphoneStyleHeic(600, 800), "IMG_0001.HEIC", "image/heic");
        AssetConfirmed avif = confirmed(WorkerFixtures.avif(800, 600), "photo.avif", "image/avif");
        publish(heic);
        publish(avif);
        for (AssetConfirmed asset : List.of(heic, avif)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> events("variant.ready", asset.assetId()).size() == 4);
            List<JsonNode> ready = events("variant.ready", asset.assetId());
            assertThat(ready).extracting(v -> v.get("format").asText()).containsOnly("jpeg", "webp").hasSize(4);
            List<String> keys = keysUnder(StoragePaths.variantPrefix(asset.storagePath()));
            assertThat(keys).hasSize(4);
            boolean portrait = asset == heic;
            for (String key : keys) {
                BufferedImage decoded = WorkerFixtures.decode(object(key));
                assertThat(decoded.getHeight() > decoded.getWidth()).as("portrait %s", key).isEqualTo(portrait);
                int top = decoded.getRGB(decoded.getWidth() / 2, decoded.getHeight() / 4);
                int bottom = decoded.getRGB(decoded.getWidth() / 2, 3 * decoded.getHeight() / 4);
                assertThat((top >> 16) & 0xFF).as("red on top of %s", key).isGreaterThan(200);
                assertThat(bottom & 0xFF).as("blue at the bottom of %s", key).isGreaterThan(200);
                assertThat(WorkerFixtures.contains(object(key), "Exif")).isFalse();
            }
        }
        JsonNode optimized = events("variant.ready", heic.assetId()).stream()
                .filter(v -> v.get("variantType").asText().equals("optimized")).findFirst().orElseThrow();
        assertThat(optimized.get("width").asInt()).isEqualTo(600);
        assertThat(optimized.get("height").asInt()).isEqualTo(800);
    }

    @Test
    void pngWithAlphaCmykAndProgressiveJpegsAllGetVariants() {
        List<AssetConfirmed> assets = List.of(
                confirmed(WorkerFixtures.pngWithAlpha(500, 400), "alpha.png", "image/png"),
                confirmed(WorkerFixtures.cmykJpeg(500, 400), "cmyk.jpg", "image/jpeg"),
                confirmed(WorkerFixtures.progressiveJpeg(500, 400), "progressive.jpg", "image/jpeg"));
        assets.forEach(VariantWorkerIT::publish);
        for (AssetConfirmed asset : assets) {
            await().atMost(Duration.ofSeconds(60)).until(() -> events("variant.ready", asset.assetId()).size() == 4);
        }
    }

    @Test
    void aPixelBombFailsWithItsReasonAndTheWorkerStaysHealthy() {
        AssetConfirmed bomb = confirmed(WorkerFixtures.pixelBomb(30000, 30000), "bomb.png", "image/png");
        assertThat(bomb.fileSize()).isLessThan(200_000);
        publish(bomb);
        await().atMost(Duration.ofSeconds(60)).until(() -> !events("variant.failed", bomb.assetId()).isEmpty());
        JsonNode failed = events("variant.failed", bomb.assetId()).get(0);
        assertThat(failed.get("error").asText()).contains("30000", "50 MP");
        assertThat(keysUnder(StoragePaths.variantPrefix(bomb.storagePath()))).isEmpty();
        RestAssured.get(OperatorEndpoints.management("/q/health/ready")).then().statusCode(200);

        AssetConfirmed next = confirmed(WorkerFixtures.progressiveJpeg(300, 200), "after.jpg", "image/jpeg");
        publish(next);
        await().atMost(Duration.ofSeconds(60)).until(() -> events("variant.ready", next.assetId()).size() == 4);
    }

    @Test
    void deletingTheAssetRemovesItsVariantObjectsAndRowsAndALateConfirmMakesNothing() {
        AssetConfirmed asset = confirmed(WorkerFixtures.progressiveJpeg(800, 600), "gone.jpg", "image/jpeg");
        String json = publish(asset);
        await().atMost(Duration.ofSeconds(60)).until(() -> events("variant.ready", asset.assetId()).size() == 4);
        String prefix = StoragePaths.variantPrefix(asset.storagePath());
        assertThat(keysUnder(prefix)).hasSize(4);

        publish(new AssetDeleted(asset.assetId(), asset.sessionId(), asset.roomId(), BUCKET,
                List.of(asset.storagePath())));
        await().atMost(Duration.ofSeconds(30)).until(() -> keysUnder(prefix).isEmpty() && rows(asset.assetId()) == 0);

        // a redelivered confirm after the delete (new event id, same asset) makes nothing
        publish(asset.topic(), asset.subject(), json.replace(EventJson.read(json).id().toString(),
                UUID.randomUUID().toString()));
        AssetConfirmed marker = confirmed(WorkerFixtures.progressiveJpeg(300, 200), "marker.jpg", "image/jpeg");
        publish(marker);
        await().atMost(Duration.ofSeconds(60)).until(() -> events("variant.ready", marker.assetId()).size() == 4);
        assertThat(keysUnder(prefix)).isEmpty();
    }

    @Test
    void anAdminRegeneratesOneSourcesVariants() {
        AssetConfirmed asset = confirmed(WorkerFixtures.progressiveJpeg(640, 480), "again.jpg", "image/jpeg");
        publish(asset);
        await().atMost(Duration.ofSeconds(60)).until(() -> events("variant.ready", asset.assetId()).size() == 4);

        RestAssured.given().auth().oauth2(TestTokens.user("someone")).post("/admin/variants/" + asset.assetId()
                + "/regenerate").then().statusCode(403);
        RestAssured.given().auth().oauth2(TestTokens.admin("ops")).post("/admin/variants/" + asset.assetId()
                + "/regenerate").then().statusCode(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> events("variant.ready", asset.assetId()).size() == 8);
        assertThat(rows(asset.assetId())).isEqualTo(4);
        RestAssured.given().auth().oauth2(TestTokens.admin("ops")).post("/admin/variants/" + UUID.randomUUID()
                + "/regenerate").then().statusCode(404);
    }
}
