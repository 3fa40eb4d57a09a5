package com.renovation.media.assets;

import static com.renovation.media.assets.TestSupport.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;

import com.renovation.media.assets.service.audit.AuditRetention;
import com.renovation.media.contracts.events.payload.SourceKind;
import com.renovation.media.contracts.events.payload.VariantFailed;
import com.renovation.media.messaging.testing.KafkaTestClient;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every change leaves an audit row written with it: who, from where, what changed; erasure keeps only the fact. */
@QuarkusTest
class AuditLogIT {

    @Inject
    AuditRetention retention;

    private static List<Map<String, Object>> entries(String user, String type, String id) {
        return as(user).queryParam("entityType", type).queryParam("entityId", id).get("/audit")
                .then().statusCode(200).extract().jsonPath().getList("items");
    }

    private static Map<String, Object> only(List<Map<String, Object>> entries, String action) {
        List<Map<String, Object>> found = entries.stream().filter(e -> action.equals(e.get("action"))).toList();
        assertThat(found).as(action).hasSize(1);
        return found.get(0);
    }

    @Test
    void aSessionsChangesAreLoggedWithActorAddressAndAgent() {
        String user = TestSupport.newUser();
        String sessionId = as(user).body(Map.of("title", "Flat")).post("/sessions").then().statusCode(201)
                .extract().path("id");
        as(user).header("User-Agent", "audit-test/1.0").body(Map.of("title", "Flat on 5th")).patch("/sessions/"
                + sessionId).then().statusCode(200);

        List<Map<String, Object>> log = entries(user, "session", sessionId);
        Map<String, Object> created = only(log, "created");
        assertThat(created.get("actor")).isEqualTo(user);
        @SuppressWarnings("unchecked")
        Map<String, Object> createdValues = (Map<String, Object>) created.get("newValues");
        assertThat(createdValues).containsEntry("title", "Flat").containsEntry("owner_id", user);
        Map<String, Object> renamed = only(log, "updated");
        assertThat(renamed.get("changedFields")).isEqualTo(List.of("title"));
        assertThat(renamed.get("oldValues")).isEqualTo(Map.of("title", "Flat"));
        assertThat(renamed.get("newValues")).isEqualTo(Map.of("title", "Flat on 5th"));
        assertThat(renamed.get("userAgent")).isEqualTo("audit-test/1.0");
        assertThat((String) renamed.get("ip")).isNotBlank();
        assertThat(log.get(0).get("action")).as("newest first").isEqualTo("updated");

        // another user sees nothing of it, an admin sees it all
        assertThat(entries(TestSupport.newUser(), "session", sessionId)).isEmpty();
        List<Object> adminView = io.restassured.RestAssured.given().auth().oauth2(TestSupport.adminToken("admin-" + UUID.randomUUID()))
                .queryParam("entityId", sessionId).get("/audit").then().statusCode(200).extract().path("items");
        assertThat(adminView).hasSize(2);
    }

    @Test
    void uploadsConfirmsAndProjectionStatusChangesAreLoggedWithTheirActor() {
        String user = TestSupport.newUser();
        String roomId = TestSupport.sessionWithRoom(user).get(1);
        String assetId = TestSupport.upload(user, roomId, "photo", "a.jpg", "image/jpeg", TestSupport.jpeg(40, 30));
        KafkaTestClient.publish("variant-worker", new VariantFailed(SourceKind.ROOM_ASSET, UUID.fromString(assetId),
                "all", null, "broken", 1));
        await().atMost(Duration.ofSeconds(60)).until(() -> entries(user, "asset", assetId).stream()
                .anyMatch(e -> "system".equals(e.get("actor"))));

        List<Map<String, Object>> log = entries(user, "asset", assetId);
        assertThat(only(log, "created").get("actor")).isEqualTo(user);
        Map<String, Object> confirmed = log.stream().filter(e -> ((Map<?, ?>) e.get("newValues")).get("status")
                .equals("uploaded")).findFirst().orElseThrow();
        assertThat(confirmed.get("actor")).as("confirm is the user's").isEqualTo(user);
        Map<String, Object> failed = log.stream().filter(e -> "system".equals(e.get("actor"))).findFirst()
                .orElseThrow();
        @SuppressWarnings("unchecked")
        List<String> changed = (List<String>) failed.get("changedFields");
        assertThat(changed).contains("status", "failure_reason");
        assertThat(failed.get("newValues")).asInstanceOf(
                org.assertj.core.api.InstanceOfAssertFactories.MAP).containsEntry("status", "failed");
    }

    @Test
    void erasingASessionScrubsWhatItsEntitiesHeldButKeepsTheFact() {
        String user = TestSupport.newUser();
        List<String> ids = TestSupport.sessionWithRoom(user);
        String assetId = TestSupport.upload(user, ids.get(1), "photo", "home.jpg", "image/jpeg",
                TestSupport.jpeg(40, 30));
        as(user).body(Map.of("caption", "my address is 12 Elm St")).patch("/assets/" + assetId).then()
                .statusCode(200);
        as(user).delete("/sessions/" + ids.get(0)).then().statusCode(204);

        for (String[] entity : new String[][] {{"session", ids.get(0)}, {"room", ids.get(1)}, {"asset", assetId}}) {
            List<Map<String, Object>> log = entries(user, entity[0], entity[1]);
            assertThat(log).as(entity[0]).isNotEmpty();
            assertThat(log).as(entity[0] + " values").allSatisfy(e -> {
                assertThat(e.get("oldValues")).isNull();
                assertThat(e.get("newValues")).isNull();
            });
        }
        String body = as(user).queryParam("entityId", assetId).get("/audit").asString();
        assertThat(body).doesNotContain("12 Elm St").doesNotContain("home.jpg");
        Map<String, Object> erased = only(entries(user, "session", ids.get(0)), "erased");
        assertThat(erased.get("actor")).isEqualTo(user);
        assertThat(only(entries(user, "asset", assetId), "deleted").get("changedFields")).asList().contains("caption");
    }

    @Test
    void rowsPastTheRetentionAreRemovedAndOthersStay() throws Throwable {
        String user = TestSupport.newUser();
        String old = as(user).body(Map.of("title", "Old")).post("/sessions").then().extract().path("id");
        String recent = as(user).body(Map.of("title", "Recent")).post("/sessions").then().extract().path("id");
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> Panache.getSession().chain(s ->
                s.createNativeQuery("UPDATE audit_log SET at = now() - interval '400 days' WHERE entity_id = :id")
                        .setParameter("id", UUID.fromString(old)).executeUpdate())));

        assertThat(VertxContextSupport.subscribeAndAwait(() -> retention.run(Instant.now()))).isPositive();
        assertThat(entries(user, "session", old)).isEmpty();
        assertThat(entries(user, "session", recent)).hasSize(1);
    }

    @Test
    void badFiltersAndCursorsAreProblems() {
        String user = TestSupport.newUser();
        as(user).queryParam("entityType", "password").get("/audit").then().statusCode(400)
                .body("type", endsWith("validation"));
        as(user).queryParam("entityId", "not-a-uuid").get("/audit").then()
                .statusCode(org.hamcrest.Matchers.anyOf(org.hamcrest.Matchers.is(400), org.hamcrest.Matchers.is(404)));
        as(user).queryParam("cursor", "bm90LWEtbnVtYmVy").get("/audit").then().statusCode(400)
                .body("type", endsWith("invalid-cursor"));
        JsonPath page = as(user).queryParam("limit", 1).get("/audit").then().statusCode(200).extract().jsonPath();
        assertThat(page.getList("items")).isEmpty();
    }
}
