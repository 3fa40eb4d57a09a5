package com.renovation.media.assets;

import com.renovation.media.assets.service.sweeps.StorageSweeper;
import static com.renovation.media.assets.TestSupport.as;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A presigned PUT stays valid for its whole lifetime, whatever happens to its asset meanwhile: bytes it writes
 * after an erasure, a refusal or a confirm must not stay in S3 without a row (GDPR). The sweeper is run with a
 * clock past every upload URL's expiry instead of waiting for it.
 */
@QuarkusTest
class LateUploadSweepIT {

    @Inject
    S3Client s3;

    @Inject
    StorageSweeper sweeper;

    private List<String> keysUnder(String prefix) {
        return s3.listObjectsV2(b -> b.bucket("user-uploads").prefix(prefix)).contents().stream()
                .map(o -> o.key()).toList();
    }

    private int sweepAt(Instant now) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> sweeper.run(now));
    }

    private static Instant afterEveryUploadUrl() {
        return Instant.now().plus(Duration.ofHours(1));
    }

    @Test
    void aPutAfterTheSessionIsErasedLeavesNothingOnceItsUrlExpired() throws Throwable {
        String user = TestSupport.newUser();
        List<String> ids = TestSupport.sessionWithRoom(user);
        byte[] photo = TestSupport.jpeg(64, 48);
        Response ticket = TestSupport.requestUpload(user, ids.get(1), "photo", "late.jpg", "image/jpeg",
                photo.length);
        as(user).delete("/sessions/" + ids.get(0)).then().statusCode(204);

        assertThat(TestSupport.put(ticket, photo)).as("the URL is still valid").isEqualTo(200);
        String prefix = "session_" + ids.get(0) + "/";
        assertThat(keysUnder(prefix)).hasSize(1);

        sweepAt(Instant.now()); // not due yet: a sweep before the URL expires could be outrun by the PUT
        assertThat(keysUnder(prefix)).hasSize(1);
        assertThat(sweepAt(afterEveryUploadUrl())).isPositive();
        assertThat(keysUnder(prefix)).as("objects of the erased session").isEmpty();
    }

    @Test
    void aPutAfterTheRoomIsDeletedLeavesNothingOnceItsUrlExpired() throws Throwable {
        String user = TestSupport.newUser();
        List<String> ids = TestSupport.sessionWithRoom(user);
        byte[] photo = TestSupport.jpeg(64, 48);
        Response ticket = TestSupport.requestUpload(user, ids.get(1), "photo", "late.jpg", "image/jpeg",
                photo.length);
        as(user).delete("/rooms/" + ids.get(1)).then().statusCode(204);

        assertThat(TestSupport.put(ticket, photo)).isEqualTo(200);
        sweepAt(afterEveryUploadUrl());
        assertThat(keysUnder("session_" + ids.get(0) + "/room_" + ids.get(1) + "/")).isEmpty();
    }

    @Test
    void aPutAfterConfirmIsSweptAndTheConfirmedAssetStays() throws Throwable {
        String user = TestSupport.newUser();
        List<String> ids = TestSupport.sessionWithRoom(user);
        byte[] photo = TestSupport.jpeg(64, 48);
        Response ticket = TestSupport.requestUpload(user, ids.get(1), "photo", "kept.jpg", "image/jpeg",
                photo.length);
        assertThat(TestSupport.put(ticket, photo)).isEqualTo(200);
        String assetId = ticket.path("assetId");
        as(user).post("/assets/" + assetId + "/confirm").then().statusCode(200);
        String storagePath = as(user).get("/assets/" + assetId).path("storagePath");

        assertThat(TestSupport.put(ticket, photo)).isEqualTo(200);
        String prefix = "session_" + ids.get(0) + "/";
        sweepAt(afterEveryUploadUrl());
        assertThat(keysUnder(prefix)).filteredOn(key -> !key.contains("/variants/")).containsExactly(storagePath);
        as(user).get("/assets/" + assetId).then().statusCode(200);
    }
}
