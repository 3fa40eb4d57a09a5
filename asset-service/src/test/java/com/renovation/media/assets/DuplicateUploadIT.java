package com.renovation.media.assets;

import static com.renovation.media.assets.TestSupport.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Bytes the session already holds are not stored twice: a confirm of the same bytes answers 409 naming the asset
 * that has them and keeps nothing; a declared SHA-256 the session holds is refused before any byte is sent. Another
 * session, or another owner, keeps its own copy.
 */
@QuarkusTest
class DuplicateUploadIT {

    @Inject
    S3Client s3;

    @Test
    void theSameBytesInAnotherRoomOfTheSessionAnswerTheAssetThatHasThem() {
        String user = TestSupport.newUser();
        List<String> sessionAndRoom = TestSupport.sessionWithRoom(user);
        String otherRoom = as(user).body(Map.of("name", "Hall", "roomType", "kitchen"))
                .post("/sessions/" + sessionAndRoom.get(0) + "/rooms").then().statusCode(201).extract().path("id");
        byte[] photo = TestSupport.jpeg(64, 48);
        String first = TestSupport.upload(user, sessionAndRoom.get(1), "photo", "door.jpg", "image/jpeg", photo);

        Response again = TestSupport.requestUpload(user, otherRoom, "photo", "door-copy.jpg", "image/jpeg",
                photo.length);
        assertThat(TestSupport.put(again, photo)).isEqualTo(200);
        String second = again.path("assetId");
        as(user).post("/assets/" + second + "/confirm").then().statusCode(409)
                .body("type", endsWith("duplicate-upload")).body("duplicateOf", equalTo(first));

        as(user).get("/assets/" + second).then().statusCode(404);
        assertThat(s3.listObjectsV2(b -> b.bucket("user-uploads").prefix(again.<String>path("storagePath")))
                .contents()).as("the second copy's object").isEmpty();
        as(user).get("/assets/" + first).then().statusCode(200);
    }

    @Test
    void aDeclaredChecksumTheSessionHoldsIsRefusedBeforeAnyByteIsSent() {
        String user = TestSupport.newUser();
        String room = TestSupport.sessionWithRoom(user).get(1);
        byte[] photo = TestSupport.jpeg(64, 40);
        String first = TestSupport.upload(user, room, "photo", "wall.jpg", "image/jpeg", photo);

        as(user).body(Map.of("roomId", room, "assetType", "photo", "filename", "wall-again.jpg",
                        "contentType", "image/jpeg", "size", photo.length, "sha256", sha256(photo).toUpperCase()))
                .post("/assets/uploads").then().statusCode(409)
                .body("type", endsWith("duplicate-upload")).body("duplicateOf", equalTo(first));
        assertThat(as(user).get("/rooms/" + room + "/assets").then().statusCode(200).extract()
                .<List<Object>>path("items")).as("no pending asset was made").hasSize(1);
    }

    @Test
    void anotherSessionAndAnotherOwnerKeepTheirOwnCopies() {
        String user = TestSupport.newUser();
        byte[] photo = TestSupport.jpeg(48, 48);
        TestSupport.upload(user, TestSupport.sessionWithRoom(user).get(1), "photo", "a.jpg", "image/jpeg", photo);
        TestSupport.upload(user, TestSupport.sessionWithRoom(user).get(1), "photo", "a.jpg", "image/jpeg", photo);
        String someoneElse = TestSupport.newUser();
        TestSupport.upload(someoneElse, TestSupport.sessionWithRoom(someoneElse).get(1), "photo", "a.jpg",
                "image/jpeg", photo);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
