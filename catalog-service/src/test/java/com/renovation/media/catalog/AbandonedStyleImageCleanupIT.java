package com.renovation.media.catalog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.renovation.media.catalog.config.CatalogConfig;
import com.renovation.media.catalog.service.AbandonedStyleImageCleanup;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The cleanup's claim deletes abandoned rows in a transaction of its own and the objects go afterwards, outside any
 * transaction. A run that dies in between leaves the staged upload behind; the next run's sweep of the staging
 * bucket removes it.
 */
@QuarkusTest
class AbandonedStyleImageCleanupIT {

    @Inject
    S3Client s3;

    @Inject
    AbandonedStyleImageCleanup cleanup;

    @Inject
    CatalogConfig config;

    private static RequestSpecification admin() {
        return given().auth().oauth2(TestSupport.adminToken()).contentType(ContentType.JSON);
    }

    @Test
    void whatARunThatDiedAfterItsClaimLeftStagedIsRemovedByTheNextRun() throws Throwable {
        String slug = "abandoned-" + TestSupport.newRun();
        admin().body(Map.of("slug", slug, "name", "Abandoned")).post("/admin/styles").then().statusCode(201);
        byte[] bytes = new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10};
        Response ticket = admin().body(Map.of("filename", "left.jpg", "contentType", "image/jpeg", "size",
                bytes.length)).post("/admin/styles/" + slug + "/images/uploads");
        ticket.then().statusCode(201);
        assertThat(TestSupport.put(ticket.path("uploadUrl"), ticket.path("headers"), bytes)).isEqualTo(200);
        Instant later = Instant.now().plusSeconds(1).plus(config.pendingUploadTtl());

        // the claim commits, then the replica dies: no work, no finish
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() ->
                cleanup.claim(later, config.cleanupBatchSize())));
        admin().get("/admin/images/" + ticket.path("imageId")).then().statusCode(404);
        assertThat(TestSupport.uploadedObjectExists(s3, ticket.path("uploadUrl"))).as("left by the dead run").isTrue();

        VertxContextSupport.subscribeAndAwait(() -> cleanup.run(Instant.now().plusSeconds(1)));
        assertThat(TestSupport.uploadedObjectExists(s3, ticket.path("uploadUrl"))).isFalse();
    }
}
