package com.renovation.media.catalog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.renovation.media.catalog.service.StylePublications;
import com.renovation.media.catalog.service.seed.CatalogSeeder;
import com.renovation.media.contracts.events.Topics;
import com.renovation.media.messaging.testing.KafkaTestClient;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code catalog.style.changed} follows every style: created, renamed (a change of anything else says nothing),
 * deleted, each with the style's next version; seeded styles too, and a style never published is published once
 * by the start-up backfill.
 */
@QuarkusTest
class StylePublicationIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    CatalogSeeder seeder;

    @Inject
    StylePublications publications;

    @Inject
    AgroalDataSource db;

    private static RequestSpecification admin() {
        return given().auth().oauth2(TestSupport.adminToken()).contentType(ContentType.JSON);
    }

    private static List<JsonNode> awaitEvents(String styleId, int count) {
        await().atMost(WAIT).until(() -> KafkaTestClient.eventData(Topics.CATALOG_STYLE_CHANGED, styleId).size()
                >= count);
        List<JsonNode> events = KafkaTestClient.eventData(Topics.CATALOG_STYLE_CHANGED, styleId);
        assertThat(events).hasSize(count);
        return events;
    }

    private String styleId(String slug) {
        return admin().get("/admin/styles/" + slug).then().statusCode(200).extract().path("id");
    }

    @Test
    void creatingRenamingAndDeletingAStyleAreAnnouncedInVersionOrder() {
        String slug = TestSupport.slug("announced", TestSupport.newRun());
        admin().body(Map.of("slug", slug, "name", "Announced")).post("/admin/styles").then().statusCode(201);
        String id = styleId(slug);
        admin().body(Map.of("description", "no new event")).patch("/admin/styles/" + slug).then().statusCode(200);
        admin().body(Map.of("name", "Renamed")).patch("/admin/styles/" + slug).then().statusCode(200);
        admin().delete("/admin/styles/" + slug).then().statusCode(204);

        List<JsonNode> events = awaitEvents(id, 3);
        assertThat(events).extracting(e -> e.get("version").asLong()).containsExactly(1L, 2L, 3L);
        assertThat(events).extracting(e -> e.get("name").asText()).containsExactly("Announced", "Renamed", "Renamed");
        assertThat(events).extracting(e -> e.get("deleted").asBoolean()).containsExactly(false, false, true);
        assertThat(events).allSatisfy(e -> assertThat(e.get("slug").asText()).isEqualTo(slug));
    }

    @Test
    void seededStylesAreAnnouncedAndTheBackfillPublishesAStyleNeverPublished() throws SQLException {
        String run = TestSupport.newRun();
        TestSupport.seed(seeder, TestSupport.testManifest("seed-test/catalog.json", run));
        String id = styleId(TestSupport.slug("test-alpha", run));
        assertThat(awaitEvents(id, 1).get(0).get("deleted").asBoolean()).isFalse();

        // as if it had been made before styles were published
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "UPDATE catalog.styles SET published_version = 0 WHERE id = ?::uuid")) {
            s.setString(1, id);
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
        int published;
        try {
            published = VertxContextSupport.subscribeAndAwait(() -> publications.publishUnpublished());
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
        assertThat(published).isGreaterThanOrEqualTo(1);
        assertThat(awaitEvents(id, 2).get(1).get("version").asLong()).isEqualTo(1);
    }
}
