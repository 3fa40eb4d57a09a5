package com.renovation.media.assets;

import static com.renovation.media.assets.TestSupport.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.renovation.media.contracts.events.EventJson;
import com.renovation.media.contracts.events.payload.CatalogStyleChanged;
import com.renovation.media.messaging.testing.KafkaTestClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@code metadata.styleApplied} must name a style of the catalog, as the projection of
 * {@code catalog.style.changed} knows it: events apply in version order, so a deletion is not undone by an older
 * event arriving late, and a style deleted since stays on the assets made in it.
 */
@QuarkusTest
class StyleCheckIT {

    @Inject
    Pool pool;

    private void publishAndAwait(CatalogStyleChanged event) {
        UUID eventId = EventJson.read(KafkaTestClient.publish("catalog-service", event)).id();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            try {
                return VertxContextSupport.subscribeAndAwait(() -> pool.preparedQuery(
                                "SELECT count(*) FROM processed_events WHERE event_id = $1").execute(Tuple.of(eventId)))
                        .iterator().next().getLong(0) == 1;
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static int upload(String user, String room, String style) {
        Map<String, Object> body = new HashMap<>(Map.of("roomId", room, "assetType", "render", "filename", "r.jpg",
                "contentType", "image/jpeg", "size", 1000, "metadata", Map.of("styleApplied", style)));
        return as(user).body(body).post("/assets/uploads").then().extract().statusCode();
    }

    @Test
    void styleAppliedNamesAKnownStyleInTheOrderOfTheCatalogsEvents() {
        UUID styleId = UUID.randomUUID();
        String slug = "check-" + styleId.toString().substring(0, 8);
        String user = TestSupport.newUser();
        String room = TestSupport.sessionWithRoom(user).get(1);

        as(user).body(Map.of("roomId", room, "assetType", "render", "filename", "r.jpg", "contentType",
                "image/jpeg", "size", 1000, "metadata", Map.of("styleApplied", slug))).post("/assets/uploads")
                .then().statusCode(400).body("detail", containsString("styleApplied"));

        publishAndAwait(new CatalogStyleChanged(styleId, slug, "Check", 1, false));
        String asset = as(user).body(Map.of("roomId", room, "assetType", "render", "filename", "r.jpg",
                "contentType", "image/jpeg", "size", 1000, "metadata", Map.of("styleApplied", slug)))
                .post("/assets/uploads").then().statusCode(201).extract().path("assetId");
        as(user).body(Map.of("metadata", Map.of("styleApplied", "no-such-style"))).patch("/assets/" + asset)
                .then().statusCode(400);

        publishAndAwait(new CatalogStyleChanged(styleId, slug, "Check", 3, true));
        // an older event arriving after the deletion does not bring the style back
        publishAndAwait(new CatalogStyleChanged(styleId, slug, "Check renamed", 2, false));
        await().atMost(Duration.ofSeconds(5)).until(() -> upload(user, room, slug) == 400);
        // the asset made in it keeps its style
        as(user).body(Map.of("metadata", Map.of("styleApplied", slug, "prompt", "kept"))).patch("/assets/" + asset)
                .then().statusCode(200).body("metadata.styleApplied", equalTo(slug));

        // a style made again under the same slug is a new style
        publishAndAwait(new CatalogStyleChanged(UUID.randomUUID(), slug, "Check again", 1, false));
        as(user).body(Map.of("roomId", room, "assetType", "render", "filename", "r.jpg", "contentType",
                "image/jpeg", "size", 1000, "metadata", Map.of("styleApplied", slug))).post("/assets/uploads")
                .then().statusCode(201);
    }
}
