package com.renovation.media.assets;

import static com.renovation.media.assets.TestSupport.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.response.Response;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A document's history on the real engines: who asked for each version and why, a version's typed content, and
 * restoring an older version as the newest (announced with document.requested, read back from Kafka), within
 * the versions the owner's plan keeps.
 */
@QuarkusTest
class DocumentHistoryIT {

    private static Map<String, Object> checklist(String title, String item, String message) {
        Map<String, Object> body = new HashMap<>(Map.of("documentType", "checklist_pdf", "phase", "design",
                "title", title, "content", Map.of("items", List.of(Map.of("text", item, "done", false)))));
        if (message != null) {
            body.put("message", message);
        }
        return body;
    }

    private static String request(String user, String session, Map<String, Object> body) {
        return as(user).body(body).post("/sessions/" + session + "/documents").then().statusCode(202)
                .extract().path("id");
    }

    private static Response restore(String user, String document, Map<String, Object> body) {
        return as(user).body(body).post("/documents/" + document + "/restore");
    }

    @Test
    void everyVersionRecordsItsAuthorAndMessage() {
        String user = TestSupport.newUser();
        String session = TestSupport.sessionWithRoom(user).get(0);
        String first = request(user, session, checklist("Tiling", "Order tiles", "  First draft for the tiler "));
        String second = request(user, session, checklist("Tiling", "Order grout", "   "));

        as(user).get("/documents/" + first + "/versions").then().statusCode(200)
                .body("items.version", equalTo(List.of(2, 1)))
                .body("items.author", equalTo(List.of(user, user)))
                .body("items[0].id", equalTo(second)).body("items[0].message", nullValue())
                .body("items[1].message", equalTo("First draft for the tiler"))
                .body("items.restoredFromVersion", equalTo(Arrays.asList(null, null)));
    }

    @Test
    void theContentOfAVersionIsItsTypedRecordAsRequested() {
        String user = TestSupport.newUser();
        String session = TestSupport.sessionWithRoom(user).get(0);
        String id = request(user, session, Map.of("documentType", "estimate_pdf", "title", "Paint",
                "content", Map.of("taxRate", "0.077", "total", "1.00", "lines", List.of(Map.of("description",
                        " Wall paint ", "quantity", 3, "unit", "l", "unitPrice", "18.333", "currency", "CHF")))));

        as(user).get("/documents/" + id + "/content").then().statusCode(200)
                .body("id", equalTo(id)).body("documentType", equalTo("estimate_pdf")).body("version", equalTo(1))
                .body("content.currency", equalTo("CHF"))
                .body("content.lines[0].description", equalTo("Wall paint"))
                // the totals computed when it was requested (3 × 18.333, tax half up), never the client's "1.00"
                .body("content.lines[0].unitPrice", equalTo("18.33"))
                .body("content.lines[0].lineTotal", equalTo("55.00"))
                .body("content.tax", equalTo("4.24"))
                .body("content.total", equalTo("59.24"));
        as(TestSupport.newUser()).get("/documents/" + id + "/content").then().statusCode(404);
        as(user).get("/documents/" + UUID.randomUUID() + "/content").then().statusCode(404);
        PlanTestSupport.asAdmin().get("/documents/" + id + "/content").then().statusCode(200)
                .body("content.currency", equalTo("CHF"));
    }

    @Test
    void aRestoreIsTheNextVersionWithTheOldContentRenderedAgain() {
        String user = TestSupport.newUser();
        String session = TestSupport.sessionWithRoom(user).get(0);
        String first = request(user, session, checklist("Tiling", "Order tiles", "First"));
        String second = request(user, session, checklist("Tiling v2", "Order grout", null));

        Response restored = restore(user, second, Map.of("version", 1));
        restored.then().statusCode(202).body("status", equalTo("pending")).body("version", equalTo(3));
        String id = restored.path("id");
        assertThat(restored.header("Location")).endsWith("/documents/" + id);

        as(user).get("/documents/" + id).then().statusCode(200).body("version", equalTo(3))
                .body("current", equalTo(true)).body("previousVersionId", equalTo(second))
                .body("restoredFromVersion", equalTo(1)).body("message", equalTo("Restored version 1"))
                .body("author", equalTo(user)).body("title", equalTo("Tiling"));
        as(user).get("/documents/" + id + "/content").then().statusCode(200)
                .body("content.items[0].text", equalTo("Order tiles"));
        // the old versions stay
        as(user).get("/documents/" + first + "/versions").then().statusCode(200)
                .body("items.version", equalTo(List.of(3, 2, 1)));
        JsonNode event = DocumentRequestIT.requested(id);
        assertThat(event.get("version").asInt()).isEqualTo(3);
        assertThat(event.get("previousVersionId").asText()).isEqualTo(second);
        assertThat(event.get("content").get("items").get(0).get("text").asText()).isEqualTo("Order tiles");
        assertThat(event.hasNonNull("versionsKept")).as("the test plan keeps every version").isFalse();

        restore(user, first, Map.of("version", 2, "message", "Grout after all")).then().statusCode(202)
                .body("version", equalTo(4));
        as(user).get("/documents/" + first + "/versions").then()
                .body("items[0].message", equalTo("Grout after all")).body("items[0].restoredFromVersion", equalTo(2));
    }

    @Test
    void aRestoredRoomReportKeepsTheSnapshotItWasDrawnFrom() {
        String user = TestSupport.newUser();
        List<String> ids = TestSupport.sessionWithRoom(user);
        String photo = TestSupport.upload(user, ids.get(1), "photo", "wall.jpg", "image/jpeg",
                TestSupport.jpeg(40, 30));
        String report = request(user, ids.get(0), Map.of("documentType", "room_report_pdf", "title", "Report",
                "roomId", ids.get(1), "content", Map.of("notes", "Walls first")));
        as(user).delete("/assets/" + photo).then().statusCode(204);

        String id = restore(user, report, Map.of("version", 1)).then().statusCode(202).body("version", equalTo(2))
                .extract().path("id");
        JsonNode content = DocumentRequestIT.requested(id).get("content");
        assertThat(content.get("notes").asText()).isEqualTo("Walls first");
        assertThat(content.get("images")).hasSize(1);
        assertThat(content.get("images").get(0).get("assetId").asText()).isEqualTo(photo);
    }

    @Test
    void onAFreePlanARestoreDropsTheOldestVersionsBeyondFive() {
        String user = TestSupport.newUser();
        String session = PlanTestSupport.session(user, "free");
        String last = null;
        for (int i = 1; i <= 5; i++) {
            last = PlanTestSupport.asOn(user, "free").body(checklist("List", "Item " + i, null))
                    .post("/sessions/" + session + "/documents").then().statusCode(202).extract().path("id");
        }
        String id = PlanTestSupport.asOn(user, "free").body(Map.of("version", 2)).post("/documents/" + last + "/restore")
                .then().statusCode(202).body("version", equalTo(6)).extract().path("id");

        List<Integer> versions = PlanTestSupport.asOn(user, "free").get("/documents/" + id + "/versions").then()
                .statusCode(200).extract().path("items.version");
        assertThat(versions).containsExactly(6, 5, 4, 3, 2);
        JsonNode event = DocumentRequestIT.requested(id);
        assertThat(event.get("versionsKept").asInt()).isEqualTo(5);
        assertThat(event.get("content").get("items").get(0).get("text").asText()).isEqualTo("Item 2");
        // version 1 is gone with the plan's pruning: restoring it names what is kept
        PlanTestSupport.asOn(user, "free").body(Map.of("version", 1)).post("/documents/" + id + "/restore").then()
                .statusCode(400).body("detail", containsString("the versions kept are 6, 5, 4, 3, 2"));
    }

    @Test
    void versionsOutsideTheLineageOrWithoutContentAreRefused() throws Throwable {
        String user = TestSupport.newUser();
        String session = TestSupport.sessionWithRoom(user).get(0);
        String first = request(user, session, checklist("Tiling", "Order tiles", null));
        String second = request(user, session, checklist("Tiling", "Order grout", null));

        restore(user, second, Map.of("version", 3)).then().statusCode(400)
                .body("errors[0].field", equalTo("version"))
                .body("detail", containsString("version 3 is not kept; the versions kept are 2, 1"));
        restore(user, second, Map.of("version", 0)).then().statusCode(400);
        restore(user, second, Map.of()).then().statusCode(400);

        // a version recorded before documents kept their content
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> Panache.getSession().chain(s ->
                s.createNativeQuery("UPDATE document_artifacts SET content = NULL WHERE id = :id")
                        .setParameter("id", UUID.fromString(first)).executeUpdate())));
        as(user).get("/documents/" + first + "/content").then().statusCode(409)
                .body("detail", containsString("before documents kept their content"));
        restore(user, second, Map.of("version", 1)).then().statusCode(409);
        as(user).get("/documents/" + second + "/versions").then().body("items.version", equalTo(List.of(2, 1)));
    }

    @Test
    void onlyTheOwnerRestoresAndAnAdminOnlyReads() {
        String user = TestSupport.newUser();
        String session = TestSupport.sessionWithRoom(user).get(0);
        String id = request(user, session, checklist("Tiling", "Order tiles", null));

        restore(TestSupport.newUser(), id, Map.of("version", 1)).then().statusCode(404)
                .body("detail", containsString("document " + id));
        PlanTestSupport.asAdmin().body(Map.of("version", 1)).post("/documents/" + id + "/restore").then()
                .statusCode(403);
        as(user).get("/documents/" + id + "/versions").then().body("items.version", equalTo(List.of(1)));
    }

    @Test
    void aBackupKeepsTheHistory() {
        String user = TestSupport.newUser();
        String session = TestSupport.sessionWithRoom(user).get(0);
        String first = request(user, session, checklist("Tiling", "Order tiles", "First"));
        restore(user, first, Map.of("version", 1, "message", "Again")).then().statusCode(202);
        String backup = as(user).post("/sessions/" + session + "/backups").then().statusCode(201)
                .extract().path("id");

        String copy = as(user).post("/backups/" + backup + "/restore").then().statusCode(201)
                .extract().path("sessionId");
        String restoredFirst = as(user).get("/sessions/" + copy + "/documents").then().statusCode(200)
                .extract().path("items[0].id");
        as(user).get("/documents/" + restoredFirst + "/versions").then().statusCode(200)
                .body("items.version", equalTo(List.of(2, 1)))
                .body("items.author", equalTo(List.of(user, user)))
                .body("items.message", equalTo(List.of("Again", "First")))
                .body("items.restoredFromVersion", equalTo(Arrays.asList(1, null)));
    }
}
