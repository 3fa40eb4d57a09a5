package com.renovation.media.variants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.renovation.media.contracts.events.EventJson;
import com.renovation.media.contracts.events.payload.AssetConfirmed;
import com.renovation.media.contracts.events.payload.AssetDeleted;
import com.renovation.media.contracts.events.payload.SessionDeleted;
import com.renovation.media.messaging.testing.KafkaTestClient;
import com.renovation.media.storage.layout.StoragePaths;
import com.renovation.media.variants.imaging.WorkerFixtures;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A delete that arrives while the source's variants are being rendered wins: the render, held in flight until the
 * delete has committed, stores nothing that outlives it — no object, no row, no variant.ready.
 */
@QuarkusTest
class ErasureRaceIT {

    private static final String BUCKET = "user-uploads";

    @Inject
    S3Client s3;

    private AssetConfirmed upload(String name) {
        UUID session = UUID.randomUUID();
        UUID room = UUID.randomUUID();
        String key = StoragePaths.assetKey(session, room, "photo", StoragePaths.uniqueTimestamp(), name);
        byte[] image = WorkerFixtures.progressiveJpeg(640, 480);
        s3.putObject(b -> b.bucket(BUCKET).key(key).contentType("image/jpeg"), RequestBody.fromBytes(image));
        return new AssetConfirmed(UUID.randomUUID(), session, room, "owner", "photo", BUCKET, key, "image/jpeg",
                image.length, "0".repeat(64));
    }

    private List<String> keysUnder(String prefix) {
        return s3.listObjectsV2Paginator(b -> b.bucket(BUCKET).prefix(prefix)).contents().stream()
                .map(o -> o.key()).toList();
    }

    private static long count(String sql, UUID id) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> Panache.getSession()
                    .chain(s -> s.createNativeQuery(sql, Long.class).setParameter("id", id).getSingleResult())));
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** The confirm's transaction committed: the worker is done with it, whatever it did. */
    private static boolean processed(String eventJson) {
        return count("SELECT count(*) FROM variants.processed_events WHERE event_id = :id",
                EventJson.read(eventJson).id()) == 1;
    }

    @Test
    void anAssetDeletedWhileItsVariantsRenderKeepsNoVariants() throws InterruptedException {
        AssetConfirmed asset = upload("race.jpg");
        HeldRenderer.hold(asset.assetId());
        String confirm = KafkaTestClient.publish("asset-service", asset);
        HeldRenderer.awaitInFlight(asset.assetId());

        KafkaTestClient.publish("asset-service", new AssetDeleted(asset.assetId(), asset.sessionId(), asset.roomId(),
                BUCKET, List.of(asset.storagePath())));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                count("SELECT count(*) FROM deleted_sources WHERE source_id = :id", asset.assetId()) == 1);
        HeldRenderer.release(asset.assetId());

        await().atMost(Duration.ofSeconds(60)).until(() -> processed(confirm));
        assertThat(keysUnder(StoragePaths.variantPrefix(asset.storagePath()))).isEmpty();
        assertThat(count("SELECT count(*) FROM variants WHERE source_id = :id", asset.assetId())).isZero();
        assertThat(KafkaTestClient.eventData("variant.ready", asset.assetId().toString())).isEmpty();
    }

    @Test
    void aSessionErasedWhileAFirstRenderRunsKeepsNoVariants() throws InterruptedException {
        AssetConfirmed asset = upload("erased.jpg");
        HeldRenderer.hold(asset.assetId());
        String confirm = KafkaTestClient.publish("asset-service", asset);
        HeldRenderer.awaitInFlight(asset.assetId());

        // the source has no variant row yet, so only the session's erasure can tell the render to drop its work
        KafkaTestClient.publish("asset-service", new SessionDeleted(asset.sessionId(), "owner"));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                count("SELECT count(*) FROM deleted_sessions WHERE session_id = :id", asset.sessionId()) == 1);
        HeldRenderer.release(asset.assetId());

        await().atMost(Duration.ofSeconds(60)).until(() -> processed(confirm));
        assertThat(keysUnder(StoragePaths.sessionPrefix(asset.sessionId()) + "room_" + asset.roomId() + "/photos/variants/"))
                .isEmpty();
        assertThat(count("SELECT count(*) FROM variants WHERE session_id = :id", asset.sessionId())).isZero();
        assertThat(KafkaTestClient.eventData("variant.ready", asset.assetId().toString())).isEmpty();
    }
}
