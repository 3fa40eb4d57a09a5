package com.renovation.media.assets;

import static com.renovation.media.assets.TestSupport.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import com.renovation.media.storage.s3.PresignedUrls;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** Each upload rule with a real bad file, through the real PUT and confirm. */
@QuarkusTest
class UploadValidationIT {

    private static final String FILE_REJECTED = "urn:media-platform:problem:file-rejected";
    private static final String VALIDATION = "urn:media-platform:problem:validation";

    @Inject
    S3Client s3;

    @Inject
    PresignedUrls urls;

    private String user;
    private String roomId;

    @BeforeEach
    void room() {
        user = TestSupport.newUser();
        roomId = TestSupport.sessionWithRoom(user).get(1);
    }

    private boolean exists(String key) {
        return !s3.listObjectsV2(b -> b.bucket("user-uploads").prefix(key)).contents().isEmpty();
    }

    /** Uploads the bytes as declared, confirms, and checks the refusal left neither object nor row. */
    private void refused(String filename, String contentType, byte[] bytes, String reason) {
        Response ticket = TestSupport.requestUpload(user, roomId, "photo", filename, contentType, bytes.length);
        ticket.then().statusCode(201);
        assertThat(TestSupport.put(ticket, bytes)).isEqualTo(200);
        String assetId = ticket.path("assetId");
        as(user).post("/assets/" + assetId + "/confirm").then().statusCode(422)
                .contentType("application/problem+json").body("type", equalTo(FILE_REJECTED))
                .body("detail", containsString(reason));
        assertThat(exists(ticket.path("storagePath"))).as("refused object deleted").isFalse();
        as(user).get("/assets/" + assetId).then().statusCode(404);
        as(user).post("/assets/" + assetId + "/confirm").then().statusCode(404);
    }

    @Test
    void anElfBinaryNamedPhotoJpgIsRefused() {
        byte[] elf = new byte[512];
        elf[0] = 0x7F;
        elf[1] = 'E';
        elf[2] = 'L';
        elf[3] = 'F';
        refused("photo.jpg", "image/jpeg", elf, "executable");
    }

    @Test
    void htmlNamedPngIsRefused() {
        refused("cute.png", "image/png", "<!DOCTYPE html><script>alert(1)</script>".getBytes(StandardCharsets.UTF_8),
                "HTML");
    }

    @Test
    void svgWithScriptIsRefused() {
        refused("logo.png", "image/png",
                "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>".getBytes(StandardCharsets.UTF_8), "SVG");
    }

    @Test
    void aZipNamedPngIsRefused() {
        refused("archive.png", "image/png", "PK\u0003\u0004zipzipzip".getBytes(StandardCharsets.ISO_8859_1), "archive");
    }

    @Test
    void aPdfDeclaredAsJpegIsRefused() {
        refused("scan.jpg", "image/jpeg", "%PDF-1.7\n1 0 obj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII),
                "declared as image/jpeg");
    }

    @Test
    void aTruncatedJpegIsRefused() {
        byte[] jpeg = TestSupport.jpeg(320, 240);
        refused("cut.jpg", "image/jpeg", Arrays.copyOf(jpeg, jpeg.length / 2), "truncated");
    }

    @Test
    void aSizeMismatchIsRefused() {
        Response ticket = TestSupport.requestUpload(user, roomId, "photo", "x.jpg", "image/jpeg", 5000);
        byte[] jpeg = TestSupport.jpeg(64, 48);
        // the presigned URL binds the length: S3 itself refuses another one
        assertThat(TestSupport.put(ticket, jpeg)).isIn(403, TestSupport.CLOSED_WITHOUT_ANSWER);
        as(user).post("/assets/" + ticket.path("assetId") + "/confirm").then().statusCode(409)
                .body("type", equalTo("urn:media-platform:problem:upload-missing"));
        // a client with S3 credentials writing another size directly is caught at confirm
        s3.putObject(b -> b.bucket("user-uploads").key(ticket.path("storagePath")), RequestBody.fromBytes(jpeg));
        as(user).post("/assets/" + ticket.path("assetId") + "/confirm").then().statusCode(422)
                .body("detail", containsString("5000 were declared"));
        assertThat(exists(ticket.path("storagePath"))).isFalse();
    }

    @Test
    void zeroBytesOversizeAndUnknownTypesAreRefusedAtRequest() {
        TestSupport.requestUpload(user, roomId, "photo", "empty.jpg", "image/jpeg", 0).then().statusCode(400)
                .body("type", equalTo(VALIDATION)).body("errors[0].field", equalTo("size"));
        TestSupport.requestUpload(user, roomId, "photo", "huge.jpg", "image/jpeg", 10 * 1024 * 1024 + 1).then()
                .statusCode(400).body("errors[0].field", equalTo("size"));
        TestSupport.requestUpload(user, roomId, "floorplan", "plan.pdf", "application/pdf", 40L * 1024 * 1024).then()
                .statusCode(201);
        TestSupport.requestUpload(user, roomId, "document", "plan.pdf", "application/pdf", 50L * 1024 * 1024 + 1)
                .then().statusCode(400);
        TestSupport.requestUpload(user, roomId, "photo", "doc.pdf", "application/pdf", 100).then().statusCode(400)
                .body("errors[0].field", equalTo("contentType"));
        TestSupport.requestUpload(user, roomId, "photo", "x.svg", "image/svg+xml", 100).then().statusCode(400);
        TestSupport.requestUpload(user, roomId, "audio", "x.mp3", "audio/mpeg", 100).then().statusCode(400)
                .body("errors[0].field", equalTo("assetType"));
        TestSupport.requestUpload(user, roomId, "video", "x.mkv", "video/x-matroska", 100).then().statusCode(400)
                .body("errors[0].field", equalTo("contentType"));
        TestSupport.requestUpload(user, roomId, "photo", "../..", "image/jpeg", 100).then().statusCode(400)
                .body("errors[0].field", equalTo("filename"));
    }

    @Test
    void pathTraversalAndControlCharactersNeverReachTheKeyOrTheStoredName() {
        byte[] jpeg = TestSupport.jpeg(40, 30);
        Response ticket = TestSupport.requestUpload(user, roomId, "photo", "../../etc/pa\u0000ss\nwd\u202E.jpg",
                "image/jpeg", jpeg.length);
        ticket.then().statusCode(201);
        String key = ticket.path("storagePath");
        assertThat(key).doesNotContain("..").doesNotContain("etc/").matches("[A-Za-z0-9_./-]+").endsWith("_passwd.jpg");
        assertThat(TestSupport.put(ticket, jpeg)).isEqualTo(200);
        as(user).post("/assets/" + ticket.path("assetId") + "/confirm").then().statusCode(200)
                .body("originalFilename", equalTo("passwd.jpg"));
    }

    @Test
    void badRequestsGetProblemsNotServerErrors() {
        as(user).body("{\"title\": ").post("/sessions").then().statusCode(400)
                .contentType("application/problem+json").body("type", equalTo("urn:media-platform:problem:malformed-json"));
        as(user).body(Map.of("title", "x", "owner", "someone-else")).post("/sessions").then().statusCode(400)
                .body("detail", containsString("unknown field 'owner'"));
        as(user).body("[1,2]").post("/sessions").then().statusCode(400);
        as(user).body(Map.of("title", "")).post("/sessions").then().statusCode(400).body("type", equalTo(VALIDATION))
                .body("errors[0].field", equalTo("title"));
        as(user).body(Map.of("roomId", "not-a-uuid", "assetType", "photo", "filename", "a.jpg",
                "contentType", "image/jpeg", "size", 10)).post("/assets/uploads").then().statusCode(400);
        as(user).get("/assets/not-a-uuid").then().statusCode(404).contentType("application/problem+json");
        as(user).body("{\"title\":" + "[".repeat(100) + "]".repeat(100) + "}").post("/sessions").then().statusCode(400);
        assertThat(TestSupport.postAnnouncingBody(user, "/sessions", "{\"title\":\"" + "x".repeat(300_000) + "\"}"))
                .isEqualTo(413);
        as(user).contentType(ContentType.TEXT).body("title").post("/sessions").then().statusCode(415)
                .body("type", equalTo("urn:media-platform:problem:unsupported-media-type"));
        as(user).body(Map.of("title", "x")).put("/sessions").then().statusCode(405);
    }

    @Test
    void anExpiredSignedUrlIsRefusedByS3AndATamperedOneToo() throws Exception {
        String assetId = TestSupport.upload(user, roomId, "photo", "a.jpg", "image/jpeg", TestSupport.jpeg(40, 30));
        String key = as(user).get("/assets/" + assetId).path("storagePath");
        String shortLived = urls.download("user-uploads", key, null, Duration.ofSeconds(1)).url();
        Thread.sleep(2500);
        assertThat(TestSupport.get(shortLived).statusCode()).isEqualTo(403);
        String valid = as(user).get("/assets/" + assetId).path("downloadUrl");
        assertThat(TestSupport.get(valid).statusCode()).isEqualTo(200);
        String tampered = TestSupport.withTamperedSignature(valid);
        assertThat(TestSupport.get(tampered).statusCode()).isEqualTo(403);
        String other = valid.replace(key, key.replace(".jpg", ".png"));
        assertThat(TestSupport.get(other).statusCode()).isNotEqualTo(200);
    }

    @Test
    void unsignedAccessToThePrivateBucketIsRefused() {
        String assetId = TestSupport.upload(user, roomId, "photo", "a.jpg", "image/jpeg", TestSupport.jpeg(40, 30));
        String url = as(user).get("/assets/" + assetId).path("downloadUrl");
        String unsigned = url.substring(0, url.indexOf('?'));
        assertThat(TestSupport.get(unsigned).statusCode()).isEqualTo(403);
        assertThat(unsigned).doesNotContain("..");
        as(user).get("/assets/" + assetId).then().body("storagePath", not(containsString("..")));
    }
}
