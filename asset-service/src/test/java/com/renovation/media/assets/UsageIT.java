package com.renovation.media.assets;

import static com.renovation.media.assets.PlanTestSupport.asOn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.renovation.media.contracts.events.payload.DocumentReady;
import com.renovation.media.contracts.events.payload.SourceKind;
import com.renovation.media.contracts.events.payload.VariantReady;
import com.renovation.media.messaging.testing.KafkaTestClient;
import com.renovation.media.storage.layout.Buckets;
import com.renovation.media.storage.layout.StoragePaths;
import com.renovation.media.storage.s3.ObjectStore;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Usage is exact: the bytes of the user's originals, variants and documents as they lie in S3, counted from the
 * projections; a pending upload counts at its declared size until it is confirmed or gone; erasing a session
 * gives its bytes and its session back.
 */
@QuarkusTest
class UsageIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    ObjectStore objects;

    @Test
    void storageIsTheBytesOfOriginalsVariantsAndDocumentsInS3() {
        String user = TestSupport.newUser();
        String plan = "pro";
        String session = PlanTestSupport.session(user, plan);
        String room = PlanTestSupport.room(user, plan, session);
        byte[] photo = TestSupport.jpeg(800, 600);
        String asset = TestSupport.upload(user, room, "photo", "wall.jpg", "image/jpeg", photo);
        String original = asOn(user, plan).get("/assets/" + asset).path("storagePath");

        byte[] thumb = TestSupport.jpeg(200, 150);
        byte[] webp = TestSupport.png(200, 150); // any bytes: only their size is counted
        String thumbKey = StoragePaths.variantKey(original, "thumbnail", 200, 150, "jpg");
        String webpKey = StoragePaths.variantKey(original, "thumbnail", 200, 150, "webp");
        objects.put(Buckets.USER_UPLOADS, thumbKey, thumb, "image/jpeg").await().indefinitely();
        objects.put(Buckets.USER_UPLOADS, webpKey, webp, "image/webp").await().indefinitely();
        KafkaTestClient.publish("variant-worker", new VariantReady(SourceKind.ROOM_ASSET, UUID.fromString(asset),
                "thumbnail", "jpeg", 200, 150, thumb.length, Buckets.USER_UPLOADS, thumbKey, "image/jpeg", 2));
        KafkaTestClient.publish("variant-worker", new VariantReady(SourceKind.ROOM_ASSET, UUID.fromString(asset),
                "thumbnail", "webp", 200, 150, webp.length, Buckets.USER_UPLOADS, webpKey, "image/webp", 2));

        String document = asOn(user, plan).body(Map.of("documentType", "checklist_pdf", "title", "List",
                        "content", Map.of("items", List.of(Map.of("text", "Tiles", "done", false)))))
                .post("/sessions/" + session + "/documents").then().statusCode(202).extract().path("id");
        byte[] pdf = "%PDF-1.7 a small document\n%%EOF\n".repeat(40).getBytes();
        String pdfKey = StoragePaths.documentKey(UUID.fromString(session), "checklist_pdf", 1, 1L);
        objects.put(Buckets.USER_UPLOADS, pdfKey, pdf, "application/pdf").await().indefinitely();
        KafkaTestClient.publish("document-service", new DocumentReady(UUID.fromString(document),
                UUID.fromString(session), 1, Buckets.USER_UPLOADS, pdfKey, pdf.length, 1));

        long inS3 = List.of(original, thumbKey, webpKey, pdfKey).stream()
                .mapToLong(key -> objects.head(Buckets.USER_UPLOADS, key).await().indefinitely().orElseThrow().size())
                .sum();
        assertThat(inS3).isEqualTo(photo.length + thumb.length + webp.length + pdf.length);
        await().atMost(WAIT).untilAsserted(() -> assertThat(PlanTestSupport.storageBytes(user, plan)).isEqualTo(inS3));

        // a pending upload is a reservation at its declared size
        PlanTestSupport.requestUpload(user, plan, room, 5000).then().statusCode(201);
        assertThat(PlanTestSupport.storageBytes(user, plan)).isEqualTo(inS3 + 5000);

        // the erasure cascades over rows whose session is already gone: the counters still follow
        asOn(user, plan).delete("/sessions/" + session).then().statusCode(204);
        asOn(user, plan).get("/me/usage").then().statusCode(200)
                .body("storageBytes", org.hamcrest.Matchers.equalTo(0)).body("sessions", org.hamcrest.Matchers.equalTo(0));
    }

    @Test
    void theWorkspaceCountsTowardsStorageButNotTowardsSessions() {
        String user = TestSupport.newUser();
        byte[] photo = TestSupport.jpeg(120, 90);
        String ticket = asOn(user, "free").body(Map.of("workspace", true, "assetType", "photo", "filename", "w.jpg",
                "contentType", "image/jpeg", "size", photo.length)).post("/assets/uploads").then().statusCode(201)
                .extract().path("assetId");
        assertThat(ticket).isNotNull();
        asOn(user, "free").get("/me/usage").then().statusCode(200)
                .body("storageBytes", org.hamcrest.Matchers.equalTo(photo.length))
                .body("sessions", org.hamcrest.Matchers.equalTo(0));
    }
}
