package com.renovation.media.assets;

import static com.renovation.media.assets.TestSupport.as;
import static org.assertj.core.api.Assertions.assertThat;

import com.renovation.media.assets.config.UploadConfig;
import com.renovation.media.assets.service.uploads.AbandonedUploadCleanup;
import com.renovation.media.jobs.LockedBatches;
import com.renovation.media.storage.testing.PresignedPut;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Uploads in parts against the real S3 server: a large file's ticket, a part whose connection drops and is sent
 * again from a fresh URL after asking S3 what it holds, completion by the parts' ETags, the file byte-identical;
 * a part larger than signed refused by S3; a deleted and an abandoned upload leave no open upload (and so no
 * parts) behind; a wrong declared SHA-256 refused with nothing kept.
 */
@QuarkusTest
class MultipartUploadIT {

    private static final String BUCKET = "user-uploads";
    private static final long MIB = 1024 * 1024;

    @Inject
    S3Client s3;

    @Inject
    AbandonedUploadCleanup cleanup;

    @Inject
    LockedBatches jobs;

    @Inject
    UploadConfig config;

    @Test
    void aLargePdfTravelsInPartsResumesAfterADroppedPartAndIsStoredByteIdentical() throws Exception {
        String user = TestSupport.newUser();
        String room = TestSupport.sessionWithRoom(user).get(1);
        byte[] pdf = pdf(40 * MIB);

        Response ticket = request(user, room, pdf.length, Map.of());
        ticket.then().statusCode(201);
        String id = ticket.path("assetId");
        assertThat(ticket.<String>path("uploadUrl")).as("no single PUT for a file above the threshold").isNull();
        assertThat(ticket.<String>path("uploadId")).isNotBlank();
        assertThat(ticket.<Number>path("partSize").longValue()).isEqualTo(16 * MIB);
        assertThat(ticket.<String>path("completeUrl")).endsWith("/assets/" + id + "/confirm");
        List<Map<String, Object>> parts = ticket.path("parts");
        assertThat(parts).extracting(p -> p.get("partNumber")).containsExactly(1, 2, 3);
        assertThat(parts).extracting(p -> ((Number) p.get("size")).longValue())
                .containsExactly(16 * MIB, 16 * MIB, pdf.length - 32 * MIB);

        String etag1 = sendPart(parts.get(0), pdf);
        dropMidway(parts.get(1), pdf); // the connection dies halfway through part 2
        String etag3 = sendPart(parts.get(2), pdf);

        JsonPath held = as(user).get("/assets/" + id + "/parts").then().statusCode(200).extract().jsonPath();
        assertThat(held.getList("parts.partNumber", Integer.class)).containsExactly(1, 3);
        assertThat(held.getInt("partCount")).isEqualTo(3);
        assertThat(held.getString("uploadId")).isEqualTo(ticket.path("uploadId"));

        List<Map<String, Object>> fresh = as(user).body(Map.of("partNumbers", List.of(2)))
                .post("/assets/" + id + "/parts").then().statusCode(200).extract().path("parts");
        assertThat(fresh).singleElement().satisfies(p -> assertThat(p.get("partNumber")).isEqualTo(2));
        String etag2 = sendPart(fresh.get(0), pdf);

        as(user).body(Map.of("parts", List.of(Map.of("partNumber", 3, "etag", etag3),
                        Map.of("partNumber", 1, "etag", etag1), Map.of("partNumber", 2, "etag", etag2))))
                .post("/assets/" + id + "/confirm").then().statusCode(200);

        String stored = as(user).get("/assets/" + id).then().statusCode(200).extract().path("storagePath");
        try (InputStream in = s3.getObject(b -> b.bucket(BUCKET).key(stored))) {
            assertThat(sha256(in.readAllBytes())).isEqualTo(sha256(pdf));
        }
        assertThat(openUploads(ticket)).as("the upload completed").isEmpty();
        // a confirm sent again answers the asset as it is
        as(user).post("/assets/" + id + "/confirm").then().statusCode(200);
        as(user).get("/assets/" + id + "/parts").then().statusCode(409);
    }

    /**
     * Issue #19's figure: a 200 MB file (a site walk-through video, which always travels in parts) in 12 parts, the
     * fifth dropped halfway and sent again from a fresh URL after asking S3 what it holds, confirmed, and
     * byte-identical when downloaded through the asset's signed URL. Never more than one part in memory.
     */
    @Test
    void a200MegabyteVideoResumesAfterADroppedPartAndDownloadsByteIdentical() throws Exception {
        String user = TestSupport.newUser();
        String room = TestSupport.sessionWithRoom(user).get(1);
        SyntheticVideo video = new SyntheticVideo(200 * 1000 * 1000, 19);
        Response ticket = as(user).body(Map.of("roomId", room, "assetType", "video", "filename", "site-walk.mp4",
                "contentType", "video/mp4", "size", video.size())).post("/assets/uploads");
        String id = ticket.then().statusCode(201).extract().path("assetId");
        List<Map<String, Object>> parts = ticket.path("parts");
        assertThat(parts).hasSize(12);

        MessageDigest sent = MessageDigest.getInstance("SHA-256");
        List<Map<String, Object>> named = new java.util.ArrayList<>();
        for (Map<String, Object> part : parts) {
            int number = (Integer) part.get("partNumber");
            byte[] bytes = video.slice((number - 1) * 16 * MIB, ((Number) part.get("size")).intValue());
            sent.update(bytes);
            if (number == 5) {
                dropMidway(bytes, part);
                continue;
            }
            named.add(Map.of("partNumber", number, "etag", send(part, bytes)));
        }
        JsonPath held = as(user).get("/assets/" + id + "/parts").then().statusCode(200).extract().jsonPath();
        assertThat(held.getList("parts.partNumber", Integer.class)).hasSize(11).doesNotContain(5);
        Map<String, Object> fresh = as(user).body(Map.of("partNumbers", List.of(5))).post("/assets/" + id + "/parts")
                .then().statusCode(200).extract().<List<Map<String, Object>>>path("parts").get(0);
        named.add(Map.of("partNumber", 5, "etag", send(fresh, video.slice(4 * 16 * MIB,
                ((Number) fresh.get("size")).intValue()))));

        as(user).body(Map.of("parts", named)).post("/assets/" + id + "/confirm").then().statusCode(200)
                .body("fileSize", org.hamcrest.Matchers.equalTo((int) video.size()));
        String download = as(user).get("/assets/" + id).then().statusCode(200).extract().path("downloadUrl");
        MessageDigest received = MessageDigest.getInstance("SHA-256");
        java.net.http.HttpResponse<InputStream> answer = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(URI.create(download)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofInputStream());
        assertThat(answer.statusCode()).isEqualTo(200);
        long length;
        try (InputStream in = new java.security.DigestInputStream(answer.body(), received)) {
            length = in.transferTo(OutputStream.nullOutputStream());
        }
        assertThat(length).isEqualTo(video.size());
        assertThat(received.digest()).as("the download is the upload, byte for byte").isEqualTo(sent.digest());
        assertThat(openUploads(ticket)).isEmpty();
    }

    @Test
    void aPartLargerThanItsSignedSizeIsRefusedByS3() {
        String user = TestSupport.newUser();
        String room = TestSupport.sessionWithRoom(user).get(1);
        byte[] pdf = pdf(20 * MIB);
        List<Map<String, Object>> parts = request(user, room, pdf.length, Map.of()).then().statusCode(201)
                .extract().path("parts");
        byte[] oneByteMore = new byte[(int) (pdf.length - 16 * MIB) + 1];
        PresignedPut.Answer answer = PresignedPut.send((String) parts.get(1).get("url"), headers(parts.get(1)),
                oneByteMore);
        assertThat(answer.status()).isIn(403, PresignedPut.CLOSED_WITHOUT_ANSWER);
    }

    @Test
    void aConfirmWithoutPartsTakesWhatS3HoldsAndSaysWhichPartsAreMissing() throws Exception {
        String user = TestSupport.newUser();
        String room = TestSupport.sessionWithRoom(user).get(1);
        byte[] pdf = pdf(6 * MIB); // below the threshold, in parts because the client asks
        Response ticket = request(user, room, pdf.length, Map.of("multipart", true));
        String id = ticket.then().statusCode(201).extract().path("assetId");
        List<Map<String, Object>> parts = ticket.path("parts");
        assertThat(parts).hasSize(1);

        as(user).post("/assets/" + id + "/confirm").then().statusCode(409)
                .body("type", org.hamcrest.Matchers.endsWith("upload-missing"));
        sendPart(parts.get(0), pdf);
        as(user).post("/assets/" + id + "/confirm").then().statusCode(200).body("status", org.hamcrest.Matchers
                .not("pending"));
    }

    @Test
    void wrongPartsAndPartsOfAnUploadInOnePutAreRefusedClearly() {
        String user = TestSupport.newUser();
        String room = TestSupport.sessionWithRoom(user).get(1);
        byte[] pdf = pdf(20 * MIB);
        Response ticket = request(user, room, pdf.length, Map.of());
        String id = ticket.then().statusCode(201).extract().path("assetId");
        as(user).body(Map.of("partNumbers", List.of(3))).post("/assets/" + id + "/parts").then().statusCode(400);
        as(user).body(Map.of("partNumbers", List.of())).post("/assets/" + id + "/parts").then().statusCode(400);
        as(user).body(Map.of("parts", List.of(Map.of("partNumber", 1, "etag", "\"x\""))))
                .post("/assets/" + id + "/confirm").then().statusCode(400);
        as(TestSupport.newUser()).get("/assets/" + id + "/parts").then().statusCode(404);
        request(user, room, pdf.length, Map.of("partSize", 1024)).then().statusCode(400)
                .body("detail", org.hamcrest.Matchers.containsString("5 MiB"));
        request(user, room, pdf.length, Map.of("multipart", false, "partSize", 8 * MIB)).then().statusCode(400);
        // a client cutting the file itself (Uppy) chooses its part size
        assertThat(request(user, room, pdf.length, Map.of("partSize", 8 * MIB)).then().statusCode(201).extract()
                .<List<Object>>path("parts")).hasSize(3);

        // one PUT, because the client asks for it above the threshold
        Response single = request(user, room, pdf.length, Map.of("multipart", false));
        single.then().statusCode(201).body("uploadUrl", org.hamcrest.Matchers.notNullValue());
        String singleId = single.path("assetId");
        as(user).get("/assets/" + singleId + "/parts").then().statusCode(409);
        as(user).body(Map.of("partNumbers", List.of(1))).post("/assets/" + singleId + "/parts").then()
                .statusCode(409);
    }

    @Test
    void deletingAnUploadInPartsAbortsItAndItsParts() {
        String user = TestSupport.newUser();
        String room = TestSupport.sessionWithRoom(user).get(1);
        byte[] pdf = pdf(20 * MIB);
        Response ticket = request(user, room, pdf.length, Map.of());
        String id = ticket.then().statusCode(201).extract().path("assetId");
        List<Map<String, Object>> parts = ticket.path("parts");
        sendPart(parts.get(0), pdf);
        assertThat(openUploads(ticket)).hasSize(1);

        as(user).delete("/assets/" + id).then().statusCode(204);

        assertThat(openUploads(ticket)).isEmpty();
        as(user).get("/assets/" + id).then().statusCode(404);
        assertThat(s3.listObjectsV2(b -> b.bucket(BUCKET).prefix(ticket.<String>path("storagePath"))).contents())
                .isEmpty();
        // (S3 answers NoSuchUpload to a part sent after the abort; S3Proxy's filesystem backend keeps it aside)
    }

    @Test
    void anAbandonedUploadInPartsIsAbortedByTheCleanup() throws Throwable {
        String user = TestSupport.newUser();
        String room = TestSupport.sessionWithRoom(user).get(1);
        byte[] pdf = pdf(20 * MIB);
        Response ticket = request(user, room, pdf.length, Map.of());
        String id = ticket.then().statusCode(201).extract().path("assetId");
        sendPart(ticket.<List<Map<String, Object>>>path("parts").get(0), pdf);

        Instant later = Instant.now().plus(config.pendingTtl()).plusSeconds(60);
        VertxContextSupport.subscribeAndAwait(() -> jobs.run(cleanup, later));

        assertThat(openUploads(ticket)).isEmpty();
        as(user).get("/assets/" + id).then().statusCode(404);
    }

    @Test
    void aWrongDeclaredChecksumIsRefusedAtConfirmWithNothingKept() {
        String user = TestSupport.newUser();
        String room = TestSupport.sessionWithRoom(user).get(1);
        byte[] pdf = pdf(20 * MIB);
        Response ticket = request(user, room, pdf.length, Map.of("sha256", sha256("other bytes".getBytes())));
        String id = ticket.then().statusCode(201).extract().path("assetId");
        for (Map<String, Object> part : ticket.<List<Map<String, Object>>>path("parts")) {
            sendPart(part, pdf);
        }
        as(user).post("/assets/" + id + "/confirm").then().statusCode(422);
        as(user).get("/assets/" + id).then().statusCode(404);
        assertThat(s3.listObjectsV2(b -> b.bucket(BUCKET).prefix(ticket.<String>path("storagePath"))).contents())
                .isEmpty();
        assertThat(openUploads(ticket)).isEmpty();
    }

    @Test
    void aPartWhoseBytesDifferFromItsDeclaredChecksumIsRefusedByS3AndTheRightBytesComplete() throws Exception {
        String user = TestSupport.newUser();
        String room = TestSupport.sessionWithRoom(user).get(1);
        byte[] pdf = pdf(20 * MIB);
        List<String> partSha256s = List.of(sha256(java.util.Arrays.copyOfRange(pdf, 0, (int) (16 * MIB))),
                sha256(java.util.Arrays.copyOfRange(pdf, (int) (16 * MIB), pdf.length)));
        Response ticket = request(user, room, pdf.length, Map.of("partSha256s", partSha256s));
        String id = ticket.then().statusCode(201).extract().path("assetId");
        List<Map<String, Object>> parts = ticket.path("parts");
        assertThat(headers(parts.get(1))).containsKey("x-amz-checksum-sha256");

        byte[] changed = slice(pdf, parts.get(1));
        changed[changed.length / 2] ^= 1; // one bit flipped on the way, the length unchanged
        PresignedPut.Answer refused = PresignedPut.send((String) parts.get(1).get("url"), headers(parts.get(1)),
                changed);
        assertThat(refused.status()).as("S3 checks the part against its bound SHA-256").isIn(400, 403);

        String etag1 = sendPart(parts.get(0), pdf);
        List<Map<String, Object>> fresh = as(user).body(Map.of("partNumbers", List.of(2)))
                .post("/assets/" + id + "/parts").then().statusCode(200).extract().path("parts");
        assertThat(headers(fresh.get(0))).as("a URL signed again binds the part's checksum too")
                .containsEntry("x-amz-checksum-sha256", headers(parts.get(1)).get("x-amz-checksum-sha256"));
        String etag2 = sendPart(fresh.get(0), pdf);
        as(user).body(Map.of("parts", List.of(Map.of("partNumber", 1, "etag", etag1),
                        Map.of("partNumber", 2, "etag", etag2))))
                .post("/assets/" + id + "/confirm").then().statusCode(200);
        String stored = as(user).get("/assets/" + id).then().statusCode(200).extract().path("storagePath");
        try (InputStream in = s3.getObject(b -> b.bucket(BUCKET).key(stored))) {
            assertThat(sha256(in.readAllBytes())).isEqualTo(sha256(pdf));
        }
    }

    @Test
    void partChecksumsMustNameEachPartOfAnUploadInParts() {
        String user = TestSupport.newUser();
        String room = TestSupport.sessionWithRoom(user).get(1);
        String some = sha256("part".getBytes(StandardCharsets.US_ASCII));
        request(user, room, 20 * MIB, Map.of("partSha256s", List.of(some))).then().statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.is("partSha256s"));
        request(user, room, MIB, Map.of("partSha256s", List.of(some))).then().statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.is("partSha256s"));
        request(user, room, 20 * MIB, Map.of("partSha256s", List.of(some, "not hex"))).then().statusCode(400);
    }

    private static Response request(String user, String room, long size, Map<String, Object> extra) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("roomId", room, "assetType", "document",
                "filename", "survey.pdf", "contentType", "application/pdf", "size", size));
        body.putAll(extra);
        return as(user).body(body).post("/assets/uploads");
    }

    /** The ticket's multipart upload, if S3 still lists it open (wherever its key). */
    private List<String> openUploads(Response ticket) {
        return s3.listMultipartUploads(b -> b.bucket(BUCKET)).uploads().stream()
                .map(u -> u.uploadId()).filter(ticket.<String>path("uploadId")::equals).toList();
    }

    private static String sendPart(Map<String, Object> part, byte[] file) {
        return send(part, slice(file, part));
    }

    /** PUTs one part's bytes to its URL; answers the ETag S3 gave it. */
    private static String send(Map<String, Object> part, byte[] bytes) {
        PresignedPut.Answer answer = PresignedPut.send((String) part.get("url"), headers(part), bytes);
        assertThat(answer.status()).as("PUT of part %s", part.get("partNumber")).isEqualTo(200);
        assertThat(answer.etag()).isNotBlank();
        return answer.etag();
    }

    private static void dropMidway(Map<String, Object> part, byte[] file) throws IOException {
        dropMidway(slice(file, part), part);
    }

    /** Sends part's headers and half its bytes on a raw connection, then closes it: a dropped upload. */
    private static void dropMidway(byte[] bytes, Map<String, Object> part) throws IOException {
        URI url = URI.create((String) part.get("url"));
        try (Socket socket = new Socket(url.getHost(), url.getPort())) {
            OutputStream out = socket.getOutputStream();
            StringBuilder head = new StringBuilder("PUT " + url.getRawPath() + "?" + url.getRawQuery()
                    + " HTTP/1.1\r\nHost: " + url.getHost() + ":" + url.getPort() + "\r\n");
            headers(part).forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            head.append("Content-Length: ").append(bytes.length).append("\r\n\r\n");
            out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
            out.write(bytes, 0, bytes.length / 2);
            out.flush();
        }
    }

    private static byte[] slice(byte[] file, Map<String, Object> part) {
        int number = (Integer) part.get("partNumber");
        long size = ((Number) part.get("size")).longValue();
        int from = (int) ((number - 1) * 16 * MIB);
        return java.util.Arrays.copyOfRange(file, from, (int) (from + size));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> headers(Map<String, Object> part) {
        Map<String, String> headers = new java.util.HashMap<>((Map<String, String>) part.get("headers"));
        headers.keySet().removeIf(name -> name.equalsIgnoreCase("content-length"));
        return headers;
    }

    /** A valid PDF of exactly {@code size} bytes: a header, comment lines, and its %%EOF. */
    private static byte[] pdf(long size) {
        byte[] head = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
        byte[] tail = "\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        byte[] pdf = new byte[(int) size];
        System.arraycopy(head, 0, pdf, 0, head.length);
        byte[] line = "% a floor survey's scanned pages stand here; each line differs: ".getBytes(StandardCharsets.US_ASCII);
        int at = head.length;
        long n = 0;
        while (at < pdf.length - tail.length) {
            byte[] numbered = (new String(line, StandardCharsets.US_ASCII) + (n++) + "\n")
                    .getBytes(StandardCharsets.US_ASCII);
            int length = Math.min(numbered.length, pdf.length - tail.length - at);
            System.arraycopy(numbered, 0, pdf, at, length);
            at += length;
        }
        System.arraycopy(tail, 0, pdf, pdf.length - tail.length, tail.length);
        return pdf;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
