package com.renovation.media.catalog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.renovation.media.catalog.service.AbandonedStyleImageCleanup;
import com.renovation.media.catalog.service.seed.CatalogSeeder;
import com.renovation.media.contracts.events.EventJson;
import com.renovation.media.contracts.events.Topics;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/** Admin writes: roles, style CRUD, image upload → confirm (accepted and refused), edits and deletes. */
@QuarkusTest
class AdminApiIT {

    @Inject
    CatalogSeeder seeder;

    @Inject
    S3Client s3;

    @Inject
    AgroalDataSource db;

    @Inject
    AbandonedStyleImageCleanup cleanup;

    private static RequestSpecification admin() {
        return given().auth().oauth2(TestSupport.adminToken()).contentType(ContentType.JSON);
    }

    private static byte[] resource(String name) throws Exception {
        try (InputStream in = AdminApiIT.class.getClassLoader().getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }

    private boolean exists(String key) {
        try {
            s3.headObject(b -> b.bucket("styles").key(key));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (software.amazon.awssdk.services.s3.model.S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    private String createStyle(String slug) {
        admin().body(Map.of("slug", slug, "name", "Scandinavian", "description", "Light wood", "displayOrder", 7))
                .post("/admin/styles").then().statusCode(201).body("slug", equalTo(slug))
                .body("displayOrder", equalTo(7));
        return slug;
    }

    private Response requestUpload(String slug, String filename, String contentType, long size) {
        return admin().body(Map.of("filename", filename, "contentType", contentType, "size", size,
                "roomType", "bedroom", "caption", "Pale oak bed", "tags", List.of("Oak", "light"),
                "displayOrder", 1)).post("/admin/styles/" + slug + "/images/uploads");
    }

    @Test
    void writesNeedTheAdminRoleAndChangeNothingOtherwise() {
        String run = TestSupport.newRun();
        TestSupport.seed(seeder, TestSupport.testManifest("seed-test/catalog.json", run));
        String alpha = TestSupport.slug("test-alpha", run);
        String imageId = given().get("/styles/" + alpha + "/images?roomType=bedroom").path("items[0].id");
        String user = TestSupport.userToken();
        Map<String, Object> style = Map.of("slug", "sneaky-" + run, "name", "Sneaky");
        Map<String, Object> upload = Map.of("filename", "x.jpg", "contentType", "image/jpeg", "size", 10);

        for (String token : new String[] {user, null}) {
            int status = token == null ? 401 : 403;
            String type = "urn:media-platform:problem:" + (token == null ? "unauthorized" : "forbidden");
            RequestSpecification as = token == null ? given() : given().auth().oauth2(token);
            as.contentType(ContentType.JSON).body(style).post("/admin/styles").then().statusCode(status)
                    .contentType("application/problem+json").body("type", equalTo(type));
            (token == null ? given() : given().auth().oauth2(token)).contentType(ContentType.JSON)
                    .body(Map.of("name", "Renamed")).patch("/admin/styles/" + alpha).then().statusCode(status);
            (token == null ? given() : given().auth().oauth2(token)).delete("/admin/styles/" + alpha).then()
                    .statusCode(status);
            (token == null ? given() : given().auth().oauth2(token)).contentType(ContentType.JSON).body(upload)
                    .post("/admin/styles/" + alpha + "/images/uploads").then().statusCode(status);
            (token == null ? given() : given().auth().oauth2(token)).contentType(ContentType.JSON)
                    .body(Map.of("caption", "defaced")).patch("/admin/images/" + imageId).then().statusCode(status);
            (token == null ? given() : given().auth().oauth2(token)).delete("/admin/images/" + imageId).then()
                    .statusCode(status);
            (token == null ? given() : given().auth().oauth2(token)).post("/admin/catalog/seed").then()
                    .statusCode(status);
        }

        given().get("/styles/sneaky-" + run).then().statusCode(404);
        given().get("/styles/" + alpha).then().statusCode(200).body("name", equalTo("Test alpha"))
                .body("imageCount", equalTo(4));
        given().get("/styles/" + alpha + "/images?roomType=bedroom").then()
                .body("items[0].caption", equalTo("Alpha bedroom"));
        assertThat(CatalogDatabase.count(db, "SELECT count(*) FROM catalog.style_images i JOIN catalog.styles s"
                + " ON s.id = i.style_id WHERE s.slug = ?", alpha)).isEqualTo(4);
    }

    @Test
    void anAdminManagesStylesAndUploadsImages() throws Exception {
        String slug = createStyle("scandi-" + TestSupport.newRun());
        admin().body(Map.of("slug", slug, "name", "Again")).post("/admin/styles").then().statusCode(409);
        admin().body(Map.of("slug", "Not A Slug", "name", "x")).post("/admin/styles").then().statusCode(400);
        admin().body(Map.of("name", "Scandinavian modern")).patch("/admin/styles/" + slug).then().statusCode(200)
                .body("name", equalTo("Scandinavian modern")).body("description", equalTo("Light wood"));

        byte[] photo = resource("seed/coastal-contemporary/bedroom.jpg");
        Response ticket = requestUpload(slug, "../Pale Oak Bed.JPG", "image/jpeg", photo.length);
        ticket.then().statusCode(201).body("method", equalTo("PUT"))
                .body("storagePath", equalTo("styles/" + slug + "/pale_oak_bed.jpg"));
        String imageId = ticket.path("imageId");
        // declared but not confirmed: not served
        given().get("/styles/" + slug).then().body("imageCount", equalTo(0));
        admin().post("/admin/images/" + imageId + "/confirm").then().statusCode(409)
                .body("type", equalTo("urn:media-platform:problem:upload-missing"));

        assertThat(TestSupport.put(ticket.path("uploadUrl"), ticket.path("headers"), photo)).isEqualTo(200);
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(photo));
        admin().post("/admin/images/" + imageId + "/confirm").then().statusCode(200)
                .body("status", equalTo("pending")).body("sha256", equalTo(sha256))
                .body("width", equalTo(960)).body("height", equalTo(640))
                .body("filename", equalTo("Pale Oak Bed.JPG")).body("tags", equalTo(List.of("oak", "light")));
        admin().post("/admin/images/" + imageId + "/confirm").then().statusCode(200); // idempotent

        String url = given().get("/styles/" + slug + "/images").then().statusCode(200)
                .body("items[0].id", equalTo(imageId)).body("items[0].caption", equalTo("Pale oak bed"))
                .extract().path("items[0].url");
        var served = TestSupport.anonymousGet(url);
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.body()).isEqualTo(photo);

        await().atMost(Duration.ofSeconds(30)).until(() ->
                !TestSupport.recordsFor("catalog.image.added", List.of(imageId)).isEmpty());
        JsonNode data = EventJson.MAPPER.readTree(TestSupport.recordsFor("catalog.image.added", List.of(imageId))
                .get(0).value()).get("data");
        assertThat(data.get("styleSlug").asText()).isEqualTo(slug);
        assertThat(data.get("storagePath").asText()).isEqualTo("styles/" + slug + "/pale_oak_bed.jpg");
        assertThat(data.get("bucket").asText()).isEqualTo("styles");
        // confirmed, it is public: other services learn it as the API shows it
        await().atMost(Duration.ofSeconds(30)).until(() ->
                !TestSupport.recordsFor(Topics.CATALOG_IMAGE_PUBLISHED, List.of(imageId)).isEmpty());
        JsonNode published = EventJson.read(TestSupport.recordsFor(Topics.CATALOG_IMAGE_PUBLISHED, List.of(imageId))
                .get(0).value()).data();
        assertThat(published.get("title").asText()).isEqualTo("Pale oak bed");
        assertThat(published.get("version").asLong()).isEqualTo(1);

        // the same filename again is a conflict while the image exists
        requestUpload(slug, "pale oak bed.jpg", "image/jpeg", photo.length).then().statusCode(409);

        admin().body(Map.of("caption", "", "altText", "An oak bed", "roomType", "guest_room",
                "tags", List.of("oak"))).patch("/admin/images/" + imageId).then().statusCode(200)
                .body("altText", equalTo("An oak bed")).body("caption", equalTo(null))
                .body("roomType", equalTo("guest_room"));
        given().get("/styles/" + slug + "/images?roomType=guest_room").then().body("items.size()", equalTo(1));

        admin().delete("/admin/images/" + imageId).then().statusCode(204);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                !TestSupport.recordsFor(Topics.CATALOG_IMAGE_WITHDRAWN, List.of(imageId)).isEmpty());
        assertThat(exists("styles/" + slug + "/pale_oak_bed.jpg")).isFalse();
        admin().get("/admin/images/" + imageId).then().statusCode(404);
        given().get("/styles/" + slug).then().body("imageCount", equalTo(0));

        admin().delete("/admin/styles/" + slug).then().statusCode(204);
        given().get("/styles/" + slug).then().statusCode(404);
    }

    @Test
    void aRefusedFileIsDeletedAndAnswers422() throws Exception {
        String slug = createStyle("refusals-" + TestSupport.newRun());
        byte[] script = "#!/bin/sh\necho pwned\n".getBytes();
        Response ticket = requestUpload(slug, "evil.jpg", "image/jpeg", script.length);
        ticket.then().statusCode(201);
        assertThat(TestSupport.put(ticket.path("uploadUrl"), ticket.path("headers"), script)).isEqualTo(200);
        String imageId = ticket.path("imageId");
        admin().post("/admin/images/" + imageId + "/confirm").then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:media-platform:problem:file-rejected"))
                .body("detail", containsString("script"));
        assertThat(exists(ticket.path("storagePath"))).isFalse();
        admin().get("/admin/images/" + imageId).then().statusCode(404);

        // a PNG declared as JPEG
        byte[] png = toPng(resource("seed/modern-minimalist/kitchen.jpg"));
        Response mismatch = requestUpload(slug, "kitchen.jpg", "image/jpeg", png.length);
        TestSupport.put(mismatch.path("uploadUrl"), mismatch.path("headers"), png);
        admin().post("/admin/images/" + mismatch.path("imageId") + "/confirm").then().statusCode(422)
                .body("detail", containsString("image/png"));
        assertThat(exists(mismatch.path("storagePath"))).isFalse();

        requestUpload(slug, "doc.pdf", "application/pdf", 100).then().statusCode(400);
        requestUpload(slug, "huge.jpg", "image/jpeg", 10 * 1024 * 1024 + 1).then().statusCode(400);
        requestUpload(slug, "...", "image/jpeg", 100).then().statusCode(400);
        requestUpload("no-such-style-" + TestSupport.newRun(), "a.jpg", "image/jpeg", 100).then().statusCode(404);
        given().get("/styles/" + slug).then().body("imageCount", equalTo(0));
        admin().get("/admin/styles/" + slug).then().statusCode(200).body("id", notNullValue());
    }

    @Test
    void uploadsNeverConfirmedAreCleanedUp() throws Throwable {
        String slug = createStyle("abandoned-" + TestSupport.newRun());
        byte[] photo = resource("seed/industrial-chic/bedroom.jpg");
        Response ticket = requestUpload(slug, "forgotten.jpg", "image/jpeg", photo.length);
        TestSupport.put(ticket.path("uploadUrl"), ticket.path("headers"), photo);
        String imageId = ticket.path("imageId");

        int removed = io.quarkus.vertx.VertxContextSupport.subscribeAndAwait(() ->
                cleanup.run(java.time.Instant.now().plusSeconds(1)));
        assertThat(removed).isGreaterThanOrEqualTo(1);
        admin().get("/admin/images/" + imageId).then().statusCode(404);
        assertThat(TestSupport.uploadedObjectExists(s3, ticket.path("uploadUrl"))).isFalse();
        assertThat(exists(ticket.path("storagePath"))).isFalse();
        // the filename is free again
        requestUpload(slug, "forgotten.jpg", "image/jpeg", photo.length).then().statusCode(201);
    }

    private static byte[] toPng(byte[] jpeg) throws Exception {
        var image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(jpeg));
        var out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
