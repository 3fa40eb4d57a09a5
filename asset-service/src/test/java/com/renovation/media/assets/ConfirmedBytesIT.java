package com.renovation.media.assets;

import static com.renovation.media.assets.TestSupport.as;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * What confirm checked is what is served and processed: the upload URL stays valid for minutes after confirm,
 * and a second PUT through it must not change the confirmed asset's bytes.
 */
@QuarkusTest
class ConfirmedBytesIT {

    @Inject
    S3Client s3;

    private static byte[] sameLengthOtherBytes(byte[] jpeg) {
        byte[] other = Arrays.copyOf(jpeg, jpeg.length);
        for (int i = jpeg.length / 2; i < jpeg.length / 2 + 64; i++) {
            other[i] ^= 0x5A;
        }
        return other;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void aPutAfterConfirmChangesNeitherTheDownloadNorWhatTheWorkerReads() throws Exception {
        String user = TestSupport.newUser();
        List<String> ids = TestSupport.sessionWithRoom(user);
        byte[] original = TestSupport.jpeg(320, 240);
        Response ticket = TestSupport.requestUpload(user, ids.get(1), "photo", "wall.jpg", "image/jpeg",
                original.length);
        assertThat(TestSupport.put(ticket, original)).isEqualTo(200);
        String assetId = ticket.path("assetId");
        as(user).post("/assets/" + assetId + "/confirm").then().statusCode(200)
                .body("sha256", org.hamcrest.Matchers.equalTo(sha256(original)));

        TestSupport.put(ticket, sameLengthOtherBytes(original)); // S3 may take it: it must not matter

        Response asset = as(user).get("/assets/" + assetId);
        assertThat(TestSupport.get(asset.path("downloadUrl")).body()).isEqualTo(original);
        // the key asset.confirmed names, which the worker reads
        byte[] stored = s3.getObjectAsBytes(b -> b.bucket("user-uploads").key(asset.path("storagePath")))
                .asByteArray();
        assertThat(sha256(stored)).isEqualTo(asset.path("sha256").toString());
    }

    @Test
    void aDeclaredSha256IsBoundToTheUploadAndCheckedAtConfirm() throws Exception {
        String user = TestSupport.newUser();
        List<String> ids = TestSupport.sessionWithRoom(user);
        byte[] declared = TestSupport.jpeg(320, 240);
        byte[] other = sameLengthOtherBytes(declared);
        Response ticket = as(user).body(Map.of("roomId", ids.get(1), "assetType", "photo", "filename", "wall.jpg",
                "contentType", "image/jpeg", "size", declared.length, "sha256", sha256(declared)))
                .post("/assets/uploads");
        ticket.then().statusCode(201);

        // S3 refuses other bytes where it verifies the checksum; where it does not, confirm refuses them
        int put = TestSupport.put(ticket, other);
        Response confirm = as(user).post("/assets/" + ticket.path("assetId") + "/confirm");
        if (put == 200) {
            assertThat(confirm.statusCode()).isEqualTo(422);
            assertThat(confirm.path("detail").toString()).contains("SHA-256");
        } else {
            assertThat(put).isBetween(400, 499);
            assertThat(confirm.statusCode()).isEqualTo(409); // nothing was uploaded
        }
        assertThat(s3.listObjectsV2(b -> b.bucket("user-uploads").prefix("session_" + ids.get(0) + "/"))
                .contents()).as("objects left by the refused upload").isEmpty();
    }

    @Test
    void aMalformedDeclaredSha256IsRefusedBeforeAnyRowExists() {
        String user = TestSupport.newUser();
        List<String> ids = TestSupport.sessionWithRoom(user);
        as(user).body(Map.of("roomId", ids.get(1), "assetType", "photo", "filename", "wall.jpg",
                "contentType", "image/jpeg", "size", 100, "sha256", "not-a-digest"))
                .post("/assets/uploads").then().statusCode(400);
    }
}
