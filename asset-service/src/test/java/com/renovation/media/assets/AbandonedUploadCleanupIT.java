package com.renovation.media.assets;

import com.renovation.media.assets.service.sweeps.StorageSweeper;
import com.renovation.media.assets.service.uploads.AbandonedUploadCleanup;
import com.renovation.media.jobs.LockedBatchJob;
import com.renovation.media.storage.layout.StoragePaths;
import static com.renovation.media.assets.TestSupport.as;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

@QuarkusTest
class AbandonedUploadCleanupIT {

    @Inject
    AbandonedUploadCleanup cleanup;

    @Inject
    StorageSweeper sweeper;

    @Inject
    S3Client s3;

    private void ageBy(String assetId, int hours) throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> Panache.getSession().chain(s ->
                s.createNativeQuery("UPDATE room_assets SET created_at = now() - make_interval(hours => :hours) WHERE id = :id")
                        .setParameter("hours", hours).setParameter("id", UUID.fromString(assetId)).executeUpdate())));
    }

    @Test
    void aStalePendingUploadAndItsObjectAreRemovedAFreshOneIsKept() throws Throwable {
        String user = TestSupport.newUser();
        String roomId = TestSupport.sessionWithRoom(user).get(1);
        byte[] jpeg = TestSupport.jpeg(40, 30);
        Response stale = TestSupport.requestUpload(user, roomId, "photo", "stale.jpg", "image/jpeg", jpeg.length);
        assertThat(TestSupport.put(stale, jpeg)).isEqualTo(200);
        Response staleWithoutObject = TestSupport.requestUpload(user, roomId, "photo", "never.jpg", "image/jpeg", 10);
        Response fresh = TestSupport.requestUpload(user, roomId, "photo", "fresh.jpg", "image/jpeg", jpeg.length);
        assertThat(TestSupport.put(fresh, jpeg)).isEqualTo(200);
        ageBy(stale.path("assetId"), 2);
        ageBy(staleWithoutObject.path("assetId"), 2);

        int removed = VertxContextSupport.subscribeAndAwait(() -> cleanup.run());

        assertThat(removed).isGreaterThanOrEqualTo(2);
        as(user).get("/assets/" + stale.path("assetId")).then().statusCode(404);
        as(user).get("/assets/" + staleWithoutObject.path("assetId")).then().statusCode(404);
        assertThat(s3.listObjectsV2(b -> b.bucket("user-uploads").prefix(stale.path("storagePath"))).contents()).isEmpty();
        as(user).get("/assets/" + fresh.path("assetId")).then().statusCode(200);
        as(user).post("/assets/" + fresh.path("assetId") + "/confirm").then().statusCode(200);
    }

    @Test
    void objectsARunLeftWhenItDiedAfterItsClaimAreSweptOnceItsLeaseHasPassed() throws Throwable {
        String user = TestSupport.newUser();
        List<String> ids = TestSupport.sessionWithRoom(user);
        byte[] jpeg = TestSupport.jpeg(40, 30);
        Response stale = TestSupport.requestUpload(user, ids.get(1), "photo", "orphan.jpg", "image/jpeg", jpeg.length);
        assertThat(TestSupport.put(stale, jpeg)).isEqualTo(200);
        String copied = stale.path("storagePath"); // as a confirm interrupted after its copy leaves it
        s3.putObject(b -> b.bucket("user-uploads").key(copied), RequestBody.fromBytes(jpeg));
        ageBy(stale.path("assetId"), 2);
        String incoming = StoragePaths.incomingKey(UUID.fromString(ids.get(0)), UUID.fromString(ids.get(1)),
                UUID.fromString(stale.path("assetId")));
        Instant now = Instant.now();

        // the claim commits, then the replica dies: its S3 work and its finish never happen
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> cleanup.claim(now, 200)));
        as(user).get("/assets/" + stale.path("assetId")).then().statusCode(404);
        assertThat(keysUnder(copied)).hasSize(1);
        assertThat(keysUnder(incoming)).hasSize(1);

        VertxContextSupport.subscribeAndAwait(() -> sweeper.run(now.plusSeconds(60)));
        assertThat(keysUnder(copied)).as("still leased to the run that died").hasSize(1);
        VertxContextSupport.subscribeAndAwait(() -> sweeper.run(now.plus(LockedBatchJob.LEASE).plusSeconds(1)));
        assertThat(keysUnder(copied)).isEmpty();
        assertThat(keysUnder(incoming)).isEmpty();
    }

    private List<String> keysUnder(String prefix) {
        return s3.listObjectsV2(b -> b.bucket("user-uploads").prefix(prefix)).contents().stream()
                .map(o -> o.key()).toList();
    }
}
