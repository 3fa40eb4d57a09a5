package com.renovation.media.assets;

import static com.renovation.media.assets.TestSupport.as;
import static org.assertj.core.api.Assertions.assertThat;

import com.renovation.media.storage.layout.StoragePaths;
import com.renovation.media.storage.testing.PresignedPut;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Where an upload in parts lives: S3 assembles it at the asset's own key, so confirm checks it there without a copy,
 * and its part URLs write nothing into it once confirm has completed it. A pending row from before that (its upload
 * at the incoming key) still confirms, through the copy.
 */
@QuarkusTest
class MultipartAtOwnKeyIT {

    private static final String BUCKET = "user-uploads";
    private static final int MIB = 1024 * 1024;

    @Inject
    S3Client s3;

    @Test
    void anUploadInPartsIsStoredAtItsOwnKeyAndItsPartUrlsNoLongerWriteAfterConfirm() throws Exception {
        String user = TestSupport.newUser();
        List<String> sessionAndRoom = TestSupport.sessionWithRoom(user);
        byte[] pdf = pdf(20 * MIB);
        Response ticket = request(user, sessionAndRoom.get(1), pdf.length);
        String id = ticket.then().statusCode(201).extract().path("assetId");
        String stored = ticket.path("storagePath");
        assertThat(s3.listMultipartUploads(b -> b.bucket(BUCKET)).uploads())
                .filteredOn(u -> u.uploadId().equals(ticket.path("uploadId")))
                .singleElement().satisfies(u -> assertThat(u.key()).as("assembled at the asset's own key")
                        .isEqualTo(stored));
        List<Map<String, Object>> parts = ticket.path("parts");
        String etag1 = send(parts.get(0), slice(pdf, 0, 16 * MIB));
        String etag2 = send(parts.get(1), slice(pdf, 16 * MIB, pdf.length));

        as(user).body(Map.of("parts", List.of(Map.of("partNumber", 1, "etag", etag1),
                Map.of("partNumber", 2, "etag", etag2)))).post("/assets/" + id + "/confirm").then().statusCode(200);

        assertThat(keysUnder(stored)).containsExactly(stored);
        assertThat(sha256(object(stored))).isEqualTo(sha256(pdf));
        String incoming = StoragePaths.incomingKey(UUID.fromString(sessionAndRoom.get(0)),
                UUID.fromString(sessionAndRoom.get(1)), UUID.fromString(id));
        assertThat(keysUnder(incoming)).as("no copy at the incoming key").isEmpty();

        byte[] other = new byte[16 * MIB];
        new Random(7).nextBytes(other);
        PresignedPut.Answer late = PresignedPut.send((String) parts.get(0).get("url"), headers(parts.get(0)), other);
        // S3 answers NoSuchUpload: completing ended the upload id the URL is bound to. S3Proxy's filesystem backend
        // takes the part but keeps it aside, outside any object; either way the checked object stays as it was.
        assertThat(late.status()).as("a part sent after confirm").isIn(404, 200);
        assertThat(sha256(object(stored))).as("the checked bytes are unchanged").isEqualTo(sha256(pdf));
        assertThat(keysUnder(stored)).containsExactly(stored);
        assertThat(s3.listMultipartUploads(b -> b.bucket(BUCKET)).uploads())
                .noneMatch(u -> u.uploadId().equals(ticket.path("uploadId")));
        as(user).post("/assets/" + id + "/confirm").then().statusCode(200);
        assertThat(sha256(object(stored))).isEqualTo(sha256(pdf));
    }

    @Test
    void aPendingUploadInPartsFromBeforeItsOwnKeyStillConfirmsThroughTheIncomingKey() throws Throwable {
        String user = TestSupport.newUser();
        List<String> sessionAndRoom = TestSupport.sessionWithRoom(user);
        byte[] pdf = pdf(20 * MIB);
        Response ticket = request(user, sessionAndRoom.get(1), pdf.length);
        String id = ticket.then().statusCode(201).extract().path("assetId");
        String stored = ticket.path("storagePath");
        String incoming = StoragePaths.incomingKey(UUID.fromString(sessionAndRoom.get(0)),
                UUID.fromString(sessionAndRoom.get(1)), UUID.fromString(id));
        // the row as the versions before V21 left it: its S3 upload started at the incoming key
        s3.abortMultipartUpload(b -> b.bucket(BUCKET).key(stored).uploadId(ticket.path("uploadId")));
        String legacy = s3.createMultipartUpload(b -> b.bucket(BUCKET).key(incoming).contentType("application/pdf"))
                .uploadId();
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> Panache.getSession().chain(s ->
                s.createNativeQuery("UPDATE room_assets SET parts_at_own_key = false, multipart_upload_id = :upload"
                                + " WHERE id = :id").setParameter("upload", legacy)
                        .setParameter("id", UUID.fromString(id)).executeUpdate())));

        List<Map<String, Object>> parts = as(user).body(Map.of("partNumbers", List.of(1, 2)))
                .post("/assets/" + id + "/parts").then().statusCode(200).extract().path("parts");
        assertThat(parts).allSatisfy(p -> assertThat((String) p.get("url")).contains(incoming));
        send(parts.get(0), slice(pdf, 0, 16 * MIB));
        send(parts.get(1), slice(pdf, 16 * MIB, pdf.length));
        as(user).get("/assets/" + id + "/parts").then().statusCode(200).body("uploadId",
                org.hamcrest.Matchers.is(legacy));

        as(user).post("/assets/" + id + "/confirm").then().statusCode(200); // the parts S3 holds

        assertThat(sha256(object(stored))).isEqualTo(sha256(pdf));
        assertThat(keysUnder(incoming)).as("the incoming object went after the copy").isEmpty();
        assertThat(s3.listMultipartUploads(b -> b.bucket(BUCKET)).uploads())
                .noneMatch(u -> u.uploadId().equals(legacy));
    }

    private static Response request(String user, String room, long size) {
        return as(user).body(Map.of("roomId", room, "assetType", "document", "filename", "survey.pdf",
                "contentType", "application/pdf", "size", size)).post("/assets/uploads");
    }

    private List<String> keysUnder(String prefix) {
        return s3.listObjectsV2(b -> b.bucket(BUCKET).prefix(prefix)).contents().stream().map(S3Object::key).toList();
    }

    private byte[] object(String key) throws Exception {
        try (InputStream in = s3.getObject(b -> b.bucket(BUCKET).key(key))) {
            return in.readAllBytes();
        }
    }

    private static String send(Map<String, Object> part, byte[] bytes) {
        PresignedPut.Answer answer = PresignedPut.send((String) part.get("url"), headers(part), bytes);
        assertThat(answer.status()).as("PUT of part %s", part.get("partNumber")).isEqualTo(200);
        return answer.etag();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> headers(Map<String, Object> part) {
        Map<String, String> headers = new HashMap<>((Map<String, String>) part.get("headers"));
        headers.keySet().removeIf(name -> name.equalsIgnoreCase("content-length"));
        return headers;
    }

    private static byte[] slice(byte[] file, int from, int to) {
        return Arrays.copyOfRange(file, from, to);
    }

    /** A valid PDF of exactly {@code size} bytes: a header, numbered comment lines, and its %%EOF. */
    private static byte[] pdf(int size) {
        byte[] tail = "\n%%EOF\n".getBytes();
        StringBuilder body = new StringBuilder("%PDF-1.7\n");
        for (int n = 0; body.length() < size - tail.length; n++) {
            body.append("% a scanned floor survey page stands here, line ").append(n).append('\n');
        }
        byte[] pdf = Arrays.copyOf(body.toString().getBytes(), size);
        System.arraycopy(tail, 0, pdf, size - tail.length, tail.length);
        return pdf;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
