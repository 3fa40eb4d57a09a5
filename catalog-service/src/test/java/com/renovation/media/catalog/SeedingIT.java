package com.renovation.media.catalog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.renovation.media.catalog.service.seed.CatalogSeeder;
import com.renovation.media.catalog.service.seed.SeedBundle;
import com.renovation.media.catalog.service.seed.SeedManifestLoader;
import com.renovation.media.catalog.service.seed.SeedReport;
import com.renovation.media.contracts.events.EventJson;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

@QuarkusTest
class SeedingIT {

    @Inject
    CatalogSeeder seeder;

    @Inject
    AgroalDataSource db;

    @Inject
    S3Client s3;

    /** key → "etag lastModified size" of every object under the prefix. */
    private Map<String, String> objectsUnder(String prefix) {
        return s3.listObjectsV2Paginator(b -> b.bucket("styles").prefix(prefix)).contents().stream()
                .collect(Collectors.toMap(S3Object::key, o -> o.eTag() + " " + o.lastModified() + " " + o.size()));
    }

    @Test
    void theShippedCatalogSeedsTwiceWithIdenticalRowsAndObjects() {
        SeedReport first = TestSupport.seed(seeder, SeedManifestLoader.load("seed/catalog.json"));
        assertThat(first.catalog()).isEqualTo("sample");
        Map<String, CatalogDatabase.ImageRow> rows = CatalogDatabase.imagesOf(db, "sample");
        Map<String, String> styles = CatalogDatabase.stylesOf(db, "sample");
        Map<String, String> objects = objectsUnder("styles/");
        assertThat(rows).hasSize(9);
        assertThat(styles).containsOnlyKeys("modern-minimalist", "industrial-chic", "coastal-contemporary");

        SeedReport second = TestSupport.seed(seeder, SeedManifestLoader.load("seed/catalog.json"));
        assertThat(second.imagesUnchanged()).isEqualTo(9);
        assertThat(second.stylesUnchanged()).isEqualTo(3);
        assertThat(second.imagesCreated() + second.imagesUpdated() + second.objectsUploaded()).isZero();
        assertThat(CatalogDatabase.imagesOf(db, "sample")).isEqualTo(rows);
        assertThat(CatalogDatabase.stylesOf(db, "sample")).isEqualTo(styles);
        assertThat(objectsUnder("styles/")).isEqualTo(objects);
        rows.keySet().forEach(key -> assertThat(objects).containsKey(key));
    }

    @Test
    void theAdminEndpointSeedsAndReports() {
        given().auth().oauth2(TestSupport.adminToken()).post("/admin/catalog/seed").then().statusCode(200)
                .body("catalog", equalTo("sample"));
        given().auth().oauth2(TestSupport.adminToken()).post("/admin/catalog/seed").then().statusCode(200)
                .body("catalog", equalTo("sample")).body("objectsUploaded", equalTo(0))
                .body("imagesCreated", equalTo(0)).body("imagesUpdated", equalTo(0))
                .body("imagesUnchanged", equalTo(9)).body("removedImages.size()", equalTo(0));
    }

    @Test
    void newImagesAreAnnouncedOnKafkaOnce() throws Exception {
        String run = TestSupport.newRun();
        SeedBundle bundle = TestSupport.testManifest("seed-test/catalog.json", run);
        SeedReport report = TestSupport.seed(seeder, bundle);
        assertThat(report.imagesCreated()).isEqualTo(5);
        assertThat(report.objectsUploaded()).isEqualTo(5);
        TestSupport.seed(seeder, bundle);

        Map<String, CatalogDatabase.ImageRow> rows = CatalogDatabase.imagesOf(db, "seed-test-" + run);
        List<String> ids = rows.values().stream().map(CatalogDatabase.ImageRow::id).toList();
        await().atMost(Duration.ofSeconds(30)).until(() ->
                TestSupport.recordsFor("catalog.image.added", ids).size() >= ids.size());
        var records = TestSupport.recordsFor("catalog.image.added", ids);
        assertThat(records).hasSize(5); // the second run added nothing
        for (var record : records) {
            JsonNode event = EventJson.MAPPER.readTree(record.value());
            assertThat(event.get("source").asText()).isEqualTo("catalog-service");
            JsonNode data = event.get("data");
            CatalogDatabase.ImageRow row = rows.get(data.get("storagePath").asText());
            assertThat(row.id()).isEqualTo(data.get("imageId").asText());
            assertThat(data.get("bucket").asText()).isEqualTo("styles");
            assertThat(data.get("contentType").asText()).isEqualTo("image/jpeg");
            assertThat(data.get("storagePath").asText()).startsWith("styles/" + data.get("styleSlug").asText() + "/");
        }
    }

    @Test
    void editingOneCaptionUpdatesOnlyThatRow() {
        String run = TestSupport.newRun();
        TestSupport.seed(seeder, TestSupport.testManifest("seed-test/catalog.json", run));
        Map<String, CatalogDatabase.ImageRow> before = CatalogDatabase.imagesOf(db, "seed-test-" + run);
        Map<String, String> stylesBefore = CatalogDatabase.stylesOf(db, "seed-test-" + run);
        Map<String, String> objectsBefore = objectsUnder("styles/" + TestSupport.slug("test-alpha", run) + "/");

        SeedReport report = TestSupport.seed(seeder, TestSupport.testManifest("seed-test/catalog-caption-edited.json",
                run));
        assertThat(report.imagesUpdated()).isEqualTo(1);
        assertThat(report.imagesUnchanged()).isEqualTo(4);
        assertThat(report.objectsUploaded()).isZero();

        Map<String, CatalogDatabase.ImageRow> after = CatalogDatabase.imagesOf(db, "seed-test-" + run);
        String edited = "styles/" + TestSupport.slug("test-alpha", run) + "/alpha-living.jpg";
        assertThat(after.get(edited).caption()).isEqualTo("Alpha living room, caption edited");
        assertThat(after.get(edited).updatedAt()).isNotEqualTo(before.get(edited).updatedAt());
        assertThat(after.get(edited).id()).isEqualTo(before.get(edited).id());
        before.keySet().stream().filter(key -> !key.equals(edited))
                .forEach(key -> assertThat(after.get(key)).isEqualTo(before.get(key)));
        assertThat(CatalogDatabase.stylesOf(db, "seed-test-" + run)).isEqualTo(stylesBefore);
        assertThat(objectsUnder("styles/" + TestSupport.slug("test-alpha", run) + "/")).isEqualTo(objectsBefore);
    }

    @Test
    void anEntryRemovedFromTheManifestIsReportedAndKept() {
        String run = TestSupport.newRun();
        TestSupport.seed(seeder, TestSupport.testManifest("seed-test/catalog.json", run));
        SeedReport report = TestSupport.seed(seeder, TestSupport.testManifest("seed-test/catalog-entry-removed.json",
                run));
        String beta = TestSupport.slug("test-beta", run);
        assertThat(report.removedImages()).containsExactly(beta + "/beta-bedroom.jpg");
        assertThat(report.removedStyles()).isEmpty();
        assertThat(report.imagesUnchanged()).isEqualTo(4);
        assertThat(CatalogDatabase.imagesOf(db, "seed-test-" + run)).hasSize(5);
        given().get("/styles/" + beta + "/images").then().statusCode(200).body("items.size()", equalTo(1));
    }

    @Test
    void replicasSeedingAtOnceCreateEachRowOnce() {
        String run = TestSupport.newRun();
        SeedBundle bundle = TestSupport.testManifest("seed-test/catalog.json", run);
        var a = CompletableFuture.supplyAsync(() -> TestSupport.seed(seeder, bundle));
        var b = CompletableFuture.supplyAsync(() -> TestSupport.seed(seeder, bundle));
        SeedReport first = a.join();
        SeedReport second = b.join();
        assertThat(first.imagesCreated() + second.imagesCreated()).isEqualTo(5);
        assertThat(first.imagesUnchanged() + second.imagesUnchanged()).isEqualTo(5);
        assertThat(first.objectsUploaded() + second.objectsUploaded()).isEqualTo(5);
        assertThat(CatalogDatabase.imagesOf(db, "seed-test-" + run)).hasSize(5);
    }
}
