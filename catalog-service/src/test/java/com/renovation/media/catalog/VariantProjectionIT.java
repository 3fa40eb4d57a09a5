package com.renovation.media.catalog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.renovation.media.catalog.service.seed.CatalogSeeder;
import com.renovation.media.contracts.events.PlatformService;
import com.renovation.media.contracts.events.Topic;
import com.renovation.media.contracts.events.payload.SourceKind;
import com.renovation.media.contracts.events.payload.VariantFailed;
import com.renovation.media.contracts.events.payload.VariantReady;
import com.renovation.media.storage.layout.StoragePaths;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ObjectCannedACL;

/** variant.ready / variant.failed, published as the variant-worker does, fill a style image's variants. */
@QuarkusTest
class VariantProjectionIT {

    @Inject
    CatalogSeeder seeder;

    @Inject
    S3Client s3;

    @ConfigProperty(name = "quarkus.s3.endpoint-override")
    String s3Endpoint;

    private record Variant(String type, String format, int width, int height) {
    }

    private static final List<Variant> SET = List.of(new Variant("thumbnail", "jpeg", 300, 200),
            new Variant("thumbnail", "webp", 300, 200), new Variant("optimized", "jpeg", 960, 640),
            new Variant("optimized", "webp", 960, 640));

    private String putVariant(String originalKey, Variant v) {
        String key = StoragePaths.variantKey(originalKey, v.type(), v.width(), v.height(),
                v.format().equals("jpeg") ? "jpg" : v.format());
        s3.putObject(b -> b.bucket("styles").key(key).contentType("image/" + v.format()).acl(ObjectCannedACL.PUBLIC_READ),
                RequestBody.fromBytes(("variant " + key).getBytes()));
        return key;
    }

    private static VariantReady ready(UUID image, String key, Variant v) {
        return new VariantReady(SourceKind.STYLE_IMAGE, image, v.type(), v.format(), v.width(), v.height(),
                ("variant " + key).length(), "styles", key, "image/" + v.format(), SET.size());
    }

    @Test
    void variantsAppearWithPublicUrlsAndTheImageBecomesReady() {
        String run = TestSupport.newRun();
        TestSupport.seed(seeder, TestSupport.testManifest("seed-test/catalog.json", run));
        String alpha = TestSupport.slug("test-alpha", run);
        var item = given().get("/styles/" + alpha + "/images?roomType=bedroom").then().statusCode(200)
                .extract().jsonPath();
        UUID imageId = UUID.fromString(item.getString("items[0].id"));
        String original = item.getString("items[0].url").substring((s3Endpoint + "/styles/").length());

        // another service's asset with the same id is not ours: ignored
        TestSupport.publish("variant-worker", new VariantReady(SourceKind.ROOM_ASSET, imageId, "thumbnail", "png",
                1, 1, 1, "user-uploads", "session_x/room_y/photos/variants/x.png", "image/png", 1));
        TestSupport.publish("variant-worker", new VariantFailed(SourceKind.STYLE_IMAGE, imageId, "optimized", "avif",
                "no AVIF encoder", 3));
        List<String> keys = SET.stream().map(v -> putVariant(original, v)).toList();
        for (int i = 0; i < SET.size() - 1; i++) {
            TestSupport.publish("variant-worker", ready(imageId, keys.get(i), SET.get(i)));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(TestSupport.adminToken())
                .get("/admin/images/" + imageId).then().statusCode(200).body("variants", hasSize(3))
                .body("status", equalTo("pending")));
        TestSupport.publish("variant-worker", ready(imageId, keys.get(3), SET.get(3)));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(TestSupport.adminToken())
                .get("/admin/images/" + imageId).then().statusCode(200).body("status", equalTo("ready")));
        var variants = given().get("/styles/" + alpha + "/images?roomType=bedroom").then().statusCode(200)
                .body("items[0].variants", hasSize(4))
                .body("items[0].variants.find { it.variantType == 'thumbnail' && it.format == 'webp' }.width",
                        equalTo(300))
                .extract().jsonPath().getList("items[0].variants.url", String.class);
        assertThat(variants).allSatisfy(url -> assertThat(url).startsWith(s3Endpoint + "/styles/styles/" + alpha
                + "/variants/"));
        String thumbnail = given().get("/styles/" + alpha + "/images?roomType=bedroom")
                .path("items[0].variants.find { it.variantType == 'thumbnail' && it.format == 'jpeg' }.url");
        var served = TestSupport.anonymousGet(thumbnail);
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(new String(served.body())).isEqualTo("variant " + keys.get(0));

        // deleting the image takes its variants' objects too
        given().auth().oauth2(TestSupport.adminToken()).delete("/admin/images/" + imageId).then().statusCode(204);
        keys.forEach(key -> assertThat(TestSupport.anonymousGet(s3Endpoint + "/styles/" + key).statusCode())
                .isIn(403, 404));
        assertThat(TestSupport.anonymousGet(s3Endpoint + "/styles/" + original).statusCode()).isIn(403, 404);
    }

    @Test
    void aVariantOutsideItsImagesVariantsFolderIsDeadLettered() {
        String run = TestSupport.newRun();
        TestSupport.seed(seeder, TestSupport.testManifest("seed-test/catalog.json", run));
        String alpha = TestSupport.slug("test-alpha", run);
        var items = given().get("/styles/" + alpha + "/images").then().statusCode(200).extract().jsonPath();
        UUID imageId = UUID.fromString(items.getString("items[0].id"));
        String original = items.getString("items[0].url").substring((s3Endpoint + "/styles/").length());
        String otherImage = items.getString("items[1].url").substring((s3Endpoint + "/styles/").length());
        Variant thumbnail = SET.get(0);

        List<String> forged = List.of(
                "styles/" + TestSupport.slug("test-beta", run) + "/variants/x_thumbnail_300x200.jpg", // another style
                StoragePaths.variantKey(otherImage, "thumbnail", 300, 200, "jpg"), // a sibling image's variant
                StoragePaths.variantPrefix(original) + "../../../" + original, // climbs out of the folder
                original); // the original itself
        for (String key : forged) {
            TestSupport.publish("variant-worker", ready(imageId, key, thumbnail));
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> TestSupport.recordsFor(
                PlatformService.CATALOG_SERVICE.deadLetter(Topic.VARIANT_READY), List.of(imageId.toString())).size() >= forged.size());
        // the genuine variant, published after the forged ones, is applied: the consumer went on
        String genuine = putVariant(original, thumbnail);
        TestSupport.publish("variant-worker", ready(imageId, genuine, thumbnail));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(TestSupport.adminToken())
                .get("/admin/images/" + imageId).then().statusCode(200).body("variants", hasSize(1))
                .body("variants[0].url", equalTo(s3Endpoint + "/styles/" + genuine)));
    }
}
