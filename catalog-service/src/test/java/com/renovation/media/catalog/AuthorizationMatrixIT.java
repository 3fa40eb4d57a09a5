package com.renovation.media.catalog;

import com.renovation.media.web.testing.OpenApiOperations;
import com.renovation.media.web.testing.OpenApiOperations.Operation;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every operation of the published OpenAPI document × {anonymous, a user, an admin}: public reads answer everyone,
 * /admin/ writes answer 401 without a token, 403 to a user and 2xx to an admin. The routes come from /q/openapi,
 * so a new endpoint fails here until it is given fixtures.
 */
@QuarkusTest
class AuthorizationMatrixIT {

    /** A style with one confirmed image and one uploaded but not yet confirmed. */
    record Fixture(String slug, String imageId, String uploadedImageId) {

        static Fixture create() {
            String slug = "matrix-" + TestSupport.newRun();
            admin().body(Map.of("slug", slug, "name", "Matrix")).post("/admin/styles").then().statusCode(201);
            String image = upload(slug, "confirmed.jpg");
            admin().post("/admin/images/" + image + "/confirm").then().statusCode(200);
            return new Fixture(slug, image, upload(slug, "uploaded.jpg"));
        }

        private static String upload(String slug, String filename) {
            byte[] photo = photo();
            Response ticket = admin().body(Map.of("filename", filename, "contentType", "image/jpeg",
                    "size", photo.length, "roomType", "kitchen")).post("/admin/styles/" + slug + "/images/uploads");
            ticket.then().statusCode(201);
            assertThat(TestSupport.put(ticket.path("uploadUrl"), ticket.path("headers"), photo)).isEqualTo(200);
            return ticket.path("imageId");
        }

        String path(String template) {
            String path = template.replace("{slug}", slug);
            if (template.equals("/admin/images/{id}/confirm")) {
                return path.replace("{id}", uploadedImageId);
            }
            path = path.replace("{id}", imageId);
            if (path.contains("{")) {
                fail("no fixture for the path parameters of " + template + ": add one to AuthorizationMatrixIT");
            }
            return path;
        }
    }

    private static final Map<String, Function<Fixture, Object>> BODIES = Map.of(
            "POST /admin/styles", f -> Map.of("slug", "new-" + TestSupport.newRun(), "name", "New"),
            "PATCH /admin/styles/{slug}", f -> Map.of("name", "Renamed"),
            "POST /admin/styles/{slug}/images/uploads", f -> Map.of("filename", "more-" + TestSupport.newRun() + ".jpg",
                    "contentType", "image/jpeg", "size", 1000),
            "PATCH /admin/images/{id}", f -> Map.of("caption", "changed"));

    private static List<Operation> operations;
    private static Fixture shared;

    private static RequestSpecification admin() {
        return given().auth().oauth2(TestSupport.adminToken()).contentType(ContentType.JSON);
    }

    private static byte[] photo() {
        try (InputStream in = AuthorizationMatrixIT.class.getClassLoader()
                .getResourceAsStream("seed/coastal-contemporary/bedroom.jpg")) {
            return in.readAllBytes();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Once per class, but after Quarkus is up (RestAssured's port is set for instance methods only). */
    @BeforeEach
    void readOpenApi() {
        if (operations != null) {
            return;
        }
        List<Operation> found = OpenApiOperations.published();
        assertThat(found).hasSizeGreaterThanOrEqualTo(13);
        shared = Fixture.create();
        operations = found;
    }

    private static Response call(RequestSpecification spec, Operation op, Fixture fixture) {
        return OpenApiOperations.call(spec, op, fixture.path(op.template()), BODIES, fixture);
    }

    private static boolean isPublic(Operation op) {
        return op.method().equals("GET") && !op.template().startsWith("/admin/");
    }

    @Test
    void anonymousCallersReadThePublicCatalogAndGet401Elsewhere() {
        for (Operation op : operations) {
            assertThat(call(given(), op, shared).statusCode()).as(op.key()).isEqualTo(isPublic(op) ? 200 : 401);
        }
    }

    @Test
    void aUserReadsThePublicCatalogAndGets403Elsewhere() {
        for (Operation op : operations) {
            assertThat(call(given().auth().oauth2(TestSupport.userToken()), op, shared).statusCode()).as(op.key())
                    .isEqualTo(isPublic(op) ? 200 : 403);
        }
        given().get("/styles/" + shared.slug()).then().statusCode(200);
        admin().get("/admin/images/" + shared.imageId()).then().statusCode(200);
    }

    @Test
    void anAdminMaySucceedOnEveryOperation() {
        for (Operation op : operations) {
            Fixture own = Fixture.create();
            assertThat(call(given().auth().oauth2(TestSupport.adminToken()), op, own).statusCode()).as(op.key())
                    .isBetween(200, 299);
        }
    }
}
