package com.renovation.media.catalog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.renovation.media.catalog.service.AbandonedStyleImageCleanup;
import com.renovation.media.contracts.events.EventJson;
import com.renovation.media.storage.testing.CraftedFiles;
import com.renovation.media.storage.testing.HostileImages;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Admin uploads are staged where nobody reads them anonymously, and only bytes that passed confirm's checks
 * reach the public catalog. "Anonymously" is a plain GET against the S3 endpoint, as any browser could send.
 */
@QuarkusTest
class CatalogStagingIT {

    @Inject
    S3Client s3;

    @Inject
    AbandonedStyleImageCleanup cleanup;

    @ConfigProperty(name = "quarkus.s3.endpoint-override")
    String s3Endpoint;

    private static RequestSpecification admin() {
        return given().auth().oauth2(TestSupport.adminToken()).contentType(ContentType.JSON);
    }

    private static byte[] resource(String name) throws Exception {
        try (InputStream in = CatalogStagingIT.class.getClassLoader().getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }

    private static String createStyle() {
        String slug = "staging-" + TestSupport.newRun();
        admin().body(Map.of("slug", slug, "name", "Staging")).post("/admin/styles").then().statusCode(201);
        return slug;
    }

    private static Response requestUpload(String slug, String filename, long size) {
        return requestUpload(slug, filename, "image/jpeg", size);
    }

    private static Response requestUpload(String slug, String filename, String contentType, long size) {
        Response ticket = admin().body(Map.of("filename", filename, "contentType", contentType, "size", size))
                .post("/admin/styles/" + slug + "/images/uploads");
        ticket.then().statusCode(201);
        return ticket;
    }

    private static int put(Response ticket, byte[] bytes) {
        return TestSupport.put(ticket.path("uploadUrl"), ticket.path("headers"), bytes);
    }

    /** A hostile client adds a canned ACL of its own to the signed PUT, to make its bytes public at once. */
    private static int putAsPublicRead(Response ticket, byte[] bytes) {
        Map<String, String> headers = new HashMap<>(ticket.path("headers"));
        headers.put("x-amz-acl", "public-read");
        return TestSupport.put(ticket.path("uploadUrl"), headers, bytes);
    }

    /** The URL the client PUT to, without its signature: where the uploaded object lives. */
    private static String unsigned(Response ticket) {
        String url = ticket.path("uploadUrl");
        return url.substring(0, url.indexOf('?'));
    }

    /** Where the image is served once published. */
    private String publicUrl(Response ticket) {
        return s3Endpoint + "/styles/" + ticket.<String>path("storagePath");
    }

    private static int anonymousStatus(String url) {
        return TestSupport.anonymousGet(url).statusCode();
    }

    private boolean uploadedObjectExists(Response ticket) {
        return TestSupport.uploadedObjectExists(s3, ticket.path("uploadUrl"));
    }

    @Test
    void anUnconfirmedUploadIsNotReadableAnonymously() throws Exception {
        byte[] photo = resource("seed/coastal-contemporary/kitchen.jpg");
        Response ticket = requestUpload(createStyle(), "unchecked.jpg", photo.length);
        assertThat(put(ticket, photo)).isEqualTo(200);
        putAsPublicRead(ticket, photo); // refused or not, the object must stay private

        assertThat(uploadedObjectExists(ticket)).isTrue();
        assertThat(anonymousStatus(unsigned(ticket))).isIn(403, 404);
        assertThat(anonymousStatus(publicUrl(ticket))).isIn(403, 404);
        // servers whose anonymous-read policy covers the whole public bucket (MinIO's) ignore object ACLs:
        // the upload must not land in that bucket at all
        assertThat(URI.create(unsigned(ticket)).getPath()).doesNotStartWith("/styles/");
    }

    @Test
    void aRefusedUploadLeavesNothingPublicAndNothingStaged() {
        byte[] html = "<!doctype html><html><body><script>alert(document.cookie)</script></body></html>"
                .getBytes(StandardCharsets.US_ASCII);
        Response ticket = requestUpload(createStyle(), "innocent.jpg", html.length);
        assertThat(put(ticket, html)).isEqualTo(200);
        putAsPublicRead(ticket, html);
        assertThat(anonymousStatus(unsigned(ticket))).isIn(403, 404);
        assertThat(anonymousStatus(publicUrl(ticket))).isIn(403, 404);

        admin().post("/admin/images/" + ticket.path("imageId") + "/confirm").then().statusCode(422)
                .body("type", equalTo("urn:media-platform:problem:file-rejected"))
                .body("detail", containsString("HTML"));
        assertThat(anonymousStatus(unsigned(ticket))).isIn(403, 404);
        assertThat(anonymousStatus(publicUrl(ticket))).isIn(403, 404);
        assertThat(uploadedObjectExists(ticket)).isFalse();
    }

    @Test
    void aConfirmedUploadIsPublishedAndLaterPutsNeverReachIt() throws Throwable {
        byte[] photo = resource("seed/industrial-chic/kitchen.jpg");
        Response ticket = requestUpload(createStyle(), "published.jpg", photo.length);
        String imageId = ticket.path("imageId");
        assertThat(put(ticket, photo)).isEqualTo(200);
        admin().post("/admin/images/" + imageId + "/confirm").then().statusCode(200)
                .body("status", equalTo("pending"));

        var served = TestSupport.anonymousGet(publicUrl(ticket));
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.body()).isEqualTo(photo);
        assertThat(uploadedObjectExists(ticket)).isFalse();
        await().atMost(Duration.ofSeconds(30)).until(() ->
                !TestSupport.recordsFor("catalog.image.added", List.of(imageId)).isEmpty());
        JsonNode added = EventJson.MAPPER.readTree(TestSupport.recordsFor("catalog.image.added", List.of(imageId))
                .get(0).value()).get("data");
        assertThat(added.get("bucket").asText()).isEqualTo("styles");
        assertThat(added.get("storagePath").asText()).isEqualTo(ticket.<String>path("storagePath"));

        // the upload URL is still valid: other bytes of the same length PUT now must not replace what is served
        byte[] swapped = photo.clone();
        swapped[photo.length / 2] ^= 0x55;
        put(ticket, swapped);
        putAsPublicRead(ticket, swapped);
        assertThat(TestSupport.anonymousGet(publicUrl(ticket)).body()).isEqualTo(photo);
        assertThat(anonymousStatus(unsigned(ticket))).isIn(403, 404);

        // ... and the abandoned-upload cleanup removes what such a late PUT left behind
        VertxContextSupport.subscribeAndAwait(() -> cleanup.run(Instant.now().plusSeconds(1)));
        assertThat(uploadedObjectExists(ticket)).isFalse();
        assertThat(TestSupport.anonymousGet(publicUrl(ticket)).body()).isEqualTo(photo);
    }

    @Test
    void aJpegWithAZipAppendedIsRefusedAtConfirm() throws Exception {
        byte[] photo = resource("seed/modern-minimalist/living-room.jpg");
        ByteArrayOutputStream polyglot = new ByteArrayOutputStream();
        polyglot.write(photo);
        try (ZipOutputStream zip = new ZipOutputStream(polyglot)) {
            zip.putNextEntry(new ZipEntry("payload.html"));
            zip.write("<script>alert(1)</script>".getBytes(StandardCharsets.US_ASCII));
            zip.closeEntry();
        }
        byte[] bytes = polyglot.toByteArray();
        Response ticket = requestUpload(createStyle(), "polyglot.jpg", bytes.length);
        assertThat(put(ticket, bytes)).isEqualTo(200);

        admin().post("/admin/images/" + ticket.path("imageId") + "/confirm").then().statusCode(422)
                .body("type", equalTo("urn:media-platform:problem:file-rejected"))
                .body("detail", containsString("after the end of its JPEG data"));
        assertThat(anonymousStatus(publicUrl(ticket))).isIn(403, 404);
        assertThat(uploadedObjectExists(ticket)).isFalse();
        admin().get("/admin/images/" + ticket.path("imageId")).then().statusCode(404);
    }

    @Test
    void aWebpCarryingAZipInsideItsRiffSizeIsRefusedAtConfirm() throws Exception {
        byte[] polyglot = CraftedFiles.webpCovering(CraftedFiles.zip());
        refusedAtConfirm("polyglot.webp", "image/webp", polyglot, "WebP");
    }

    @Test
    void anImageDeclaringMorePixelsThanTheLimitIsRefusedAtConfirm() {
        // a valid lossless WebP of 16384 x 16384 pixels in a few dozen bytes: a decompression bomb
        byte[] bomb = HostileImages.webpWithHugeHeader(16384, 16384);
        refusedAtConfirm("huge.webp", "image/webp", bomb, "the image is 16384x16384 pixels, above the limit of 50 MP");
    }

    /** Confirm answers 422 with the reason, and neither the image, its staged bytes nor its row stays. */
    private void refusedAtConfirm(String filename, String contentType, byte[] bytes, String reason) {
        Response ticket = requestUpload(createStyle(), filename, contentType, bytes.length);
        assertThat(put(ticket, bytes)).isEqualTo(200);

        admin().post("/admin/images/" + ticket.path("imageId") + "/confirm").then().statusCode(422)
                .body("type", equalTo("urn:media-platform:problem:file-rejected"))
                .body("detail", containsString(reason));
        assertThat(anonymousStatus(publicUrl(ticket))).isIn(403, 404);
        assertThat(uploadedObjectExists(ticket)).isFalse();
        admin().get("/admin/images/" + ticket.path("imageId")).then().statusCode(404);
    }
}
