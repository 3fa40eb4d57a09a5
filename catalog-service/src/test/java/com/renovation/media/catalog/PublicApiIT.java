package com.renovation.media.catalog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import com.renovation.media.catalog.service.seed.CatalogSeeder;
import com.renovation.media.catalog.service.seed.SeedManifestLoader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** The anonymous read API over a catalog seeded from the test manifest. */
@QuarkusTest
class PublicApiIT {

    @Inject
    CatalogSeeder seeder;

    @Inject
    S3Client s3;

    @ConfigProperty(name = "quarkus.s3.endpoint-override")
    String s3Endpoint;

    String alpha;

    @BeforeEach
    void seed() {
        String run = TestSupport.newRun();
        TestSupport.seed(seeder, TestSupport.testManifest("seed-test/catalog.json", run));
        alpha = TestSupport.slug("test-alpha", run);
    }

    private List<String> captions(String query) {
        return given().get("/styles/" + alpha + "/images" + query).then().statusCode(200)
                .extract().jsonPath().getList("items.caption");
    }

    @Test
    void stylesAndImagesAreReadWithoutAToken() {
        TestSupport.seed(seeder, SeedManifestLoader.load("seed/catalog.json"));
        List<Map<String, Object>> styles = new ArrayList<>();
        String cursor = null;
        do {
            Response page = given().queryParam("limit", 100).queryParam("cursor", cursor == null ? "" : cursor)
                    .get("/styles");
            page.then().statusCode(200);
            styles.addAll(page.jsonPath().getList("items"));
            cursor = page.path("nextCursor");
        } while (cursor != null);
        assertThat(styles).anySatisfy(s -> {
            assertThat(s.get("slug")).isEqualTo("modern-minimalist");
            assertThat(s.get("name")).isEqualTo("Modern minimalist");
            assertThat(s.get("imageCount")).isEqualTo(3);
        });

        given().get("/styles/" + alpha).then().statusCode(200).body("slug", equalTo(alpha))
                .body("name", equalTo("Test alpha")).body("imageCount", equalTo(4))
                .body("images.size()", equalTo(4)).body("nextCursor", nullValue());
        given().get("/styles/modern-minimalist/images?roomType=kitchen").then().statusCode(200)
                .body("items.size()", equalTo(1))
                .body("items[0].url", equalTo(s3Endpoint + "/styles/styles/modern-minimalist/kitchen.jpg"))
                .body("items[0].width", equalTo(960)).body("items[0].height", equalTo(640))
                .body("items[0].roomType", equalTo("kitchen")).body("items[0].altText", notNullValue())
                .body("items[0].tags", hasItem("minimal")).body("items[0].variants.size()", equalTo(0))
                .body("nextCursor", nullValue());
    }

    @Test
    void roomTypeAndTagFiltersSelectImages() {
        assertThat(captions("?roomType=kitchen")).containsExactly("Alpha kitchen", "Alpha second kitchen");
        assertThat(captions("?tag=minimal")).containsExactly("Alpha kitchen", "Alpha living room");
        assertThat(captions("?tags=white,calm")).containsExactly("Alpha kitchen", "Alpha bedroom",
                "Alpha second kitchen");
        assertThat(captions("?tags=white,calm&match=any")).hasSize(3);
        assertThat(captions("?tags=minimal,white&match=all")).containsExactly("Alpha kitchen");
        assertThat(captions("?tag=minimal&tags=neutral&match=all")).containsExactly("Alpha living room");
        assertThat(captions("?roomType=kitchen&tag=copper")).containsExactly("Alpha second kitchen");
        assertThat(captions("?tag=nothing-like-this")).isEmpty();
    }

    @Test
    void pagesFollowTheCursorWithoutGapsOrRepeats() {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = given().queryParam("limit", 3);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.get("/styles/" + alpha + "/images");
            page.then().statusCode(200);
            seen.addAll(page.jsonPath().getList("items.caption"));
            cursor = page.path("nextCursor");
            pages++;
        } while (cursor != null);
        assertThat(pages).isEqualTo(2);
        assertThat(seen).containsExactly("Alpha kitchen", "Alpha living room", "Alpha bedroom",
                "Alpha second kitchen");
        given().get("/styles/" + alpha + "/images?cursor=not-a-cursor").then().statusCode(400)
                .contentType("application/problem+json").body("type", equalTo("urn:media-platform:problem:invalid-cursor"));
    }

    @Test
    void badQueriesAnswerProblems() {
        given().get("/styles/no-such-style-here/images").then().statusCode(404)
                .contentType("application/problem+json");
        given().get("/styles/" + alpha + "/images?match=some").then().statusCode(400)
                .body("type", equalTo("urn:media-platform:problem:validation"));
        given().get("/styles/" + alpha + "/images?limit=0").then().statusCode(400);
        given().get("/styles/" + alpha + "/images?roomType=Living%20Room!").then().statusCode(400);
        given().get("/styles?cursor=%%%").then().statusCode(400);
    }

    @Test
    void answersCarryAnETagAndIfNoneMatchGets304() {
        Response first = given().get("/styles/" + alpha + "/images");
        first.then().statusCode(200).header("Cache-Control", equalTo("public, max-age=60"))
                .header("ETag", startsWith("\""));
        String etag = first.header("ETag");
        given().header("If-None-Match", etag).get("/styles/" + alpha + "/images").then().statusCode(304)
                .header("ETag", equalTo(etag));
        given().header("If-None-Match", "W/" + etag).get("/styles/" + alpha + "/images").then().statusCode(304);
        given().header("If-None-Match", "\"something-else\"").get("/styles/" + alpha + "/images").then()
                .statusCode(200);
        // a different answer has a different tag
        String filtered = given().get("/styles/" + alpha + "/images?roomType=kitchen").header("ETag");
        assertThat(filtered).isNotEqualTo(etag);
        String styles = given().get("/styles").then().statusCode(200).extract().header("ETag");
        given().header("If-None-Match", styles).get("/styles").then().statusCode(304);
    }

    @Test
    void publicObjectsAreServedAnonymouslyWhilePrivateUploadsAreNot() throws Exception {
        String url = given().get("/styles/" + alpha + "/images?roomType=bedroom").then().statusCode(200)
                .extract().path("items[0].url");
        var response = TestSupport.anonymousGet(url);
        assertThat(response.statusCode()).isEqualTo(200);
        byte[] expected;
        try (var in = getClass().getClassLoader().getResourceAsStream("seed/modern-minimalist/bedroom.jpg")) {
            expected = in.readAllBytes();
        }
        assertThat(response.body()).isEqualTo(expected);

        String key = "session_test/room_test/photos/" + TestSupport.newRun() + "_private.jpg";
        s3.putObject(b -> b.bucket("user-uploads").key(key).contentType("image/jpeg"), RequestBody.fromBytes(expected));
        assertThat(TestSupport.anonymousGet(s3Endpoint + "/user-uploads/" + key).statusCode()).isEqualTo(403);
        s3.deleteObject(b -> b.bucket("user-uploads").key(key));
    }

    @Test
    void theStylesListCountsOnlyServedImages() {
        given().get("/styles?limit=100").then().statusCode(200).body("items.slug", hasItem(alpha));
        given().get("/styles/" + alpha).then().body("images.caption", containsInAnyOrder("Alpha kitchen",
                "Alpha living room", "Alpha bedroom", "Alpha second kitchen"));
    }
}
