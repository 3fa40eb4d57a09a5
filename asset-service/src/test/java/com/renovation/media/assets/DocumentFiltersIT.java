package com.renovation.media.assets;

import static com.renovation.media.assets.TestSupport.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.renovation.media.contracts.events.Topics;
import com.renovation.media.messaging.testing.KafkaTestClient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Contract drafts are checked and normalized like the other types; a session's documents filter by phase and
 * type; every document records who wrote it ({@code generatedBy}, and the prompt of AI-written text) in its view
 * and in {@code document.requested}.
 */
@QuarkusTest
class DocumentFiltersIT {

    private static final Map<String, Object> CONTRACT = Map.of(
            "parties", List.of(Map.of("role", " Client ", "name", "Ana Silva"), Map.of("role", "Contractor",
                    "name", "Obras Lda")),
            "scope", List.of(Map.of("description", "Fit the new worktop")),
            "price", Map.of("currency", "EUR", "amount", "18500.005", "paymentTerms", "On completion"));

    private static Map<String, Object> checklist(String phase) {
        return Map.of("documentType", "checklist_pdf", "phase", phase, "title", "Checklist " + phase,
                "content", Map.of("items", List.of(Map.of("text", "Order tiles", "done", false))));
    }

    private static String request(String user, String session, Map<String, Object> body) {
        return as(user).body(body).post("/sessions/" + session + "/documents").then().statusCode(202).extract()
                .path("id");
    }

    private static JsonNode requested(String documentId) {
        await().atMost(Duration.ofSeconds(60))
                .until(() -> !KafkaTestClient.eventData(Topics.DOCUMENT_REQUESTED, documentId).isEmpty());
        return KafkaTestClient.eventData(Topics.DOCUMENT_REQUESTED, documentId).get(0);
    }

    @Test
    void aContractDraftIsNormalizedAndItsLimitsChecked() {
        String user = TestSupport.newUser();
        String session = TestSupport.sessionWithRoom(user).get(0);
        String id = request(user, session, Map.of("documentType", "contract_draft", "phase", "PAYMENT",
                "title", "Kitchen contract", "content", CONTRACT));
        JsonNode content = requested(id).get("content");
        assertThat(content.at("/parties/0/role").asText()).isEqualTo("Client");
        assertThat(content.at("/price/amount").asText()).isEqualTo("18500.01");
        assertThat(content.get("terms")).isEmpty();

        Map<String, Object> oneParty = new HashMap<>(CONTRACT);
        oneParty.put("parties", List.of(Map.of("role", "Client", "name", "Ana")));
        Map<String, Object> noPrice = new HashMap<>(CONTRACT);
        noPrice.remove("price");
        Map<String, Object> badCurrency = new HashMap<>(CONTRACT);
        badCurrency.put("price", Map.of("currency", "euro", "amount", "1"));
        for (Map<String, Object> bad : List.of(oneParty, noPrice, badCurrency)) {
            as(user).body(Map.of("documentType", "contract_draft", "title", "t", "content", bad))
                    .post("/sessions/" + session + "/documents").then().statusCode(400);
        }
    }

    @Test
    void documentsFilterByPhaseAndType() {
        String user = TestSupport.newUser();
        String session = TestSupport.sessionWithRoom(user).get(0);
        String design = request(user, session, checklist("design"));
        String build = request(user, session, checklist("build"));
        String contract = request(user, session, Map.of("documentType", "contract_draft", "phase", "build",
                "title", "Contract", "content", CONTRACT));
        String base = "/sessions/" + session + "/documents";

        assertThat(as(user).get(base + "?phase=build").then().statusCode(200).extract().jsonPath()
                .<String>getList("items.id")).containsExactly(contract, build);
        assertThat(as(user).get(base + "?type=checklist_pdf").then().statusCode(200).extract().jsonPath()
                .<String>getList("items.id")).containsExactly(build, design);
        assertThat(as(user).get(base + "?phase=build&type=contract_draft").then().statusCode(200).extract()
                .jsonPath().<String>getList("items.id")).containsExactly(contract);
        assertThat(as(user).get(base + "?phase=design&type=contract_draft").then().statusCode(200).extract()
                .jsonPath().<String>getList("items")).isEmpty();
        // the filters hold across pages
        String cursor = as(user).get(base + "?phase=build&limit=1").then().statusCode(200)
                .body("items[0].id", equalTo(contract)).extract().path("nextCursor");
        as(user).get(base + "?phase=build&limit=1&cursor=" + cursor).then().statusCode(200)
                .body("items[0].id", equalTo(build)).body("items.size()", equalTo(1));

        as(user).get(base + "?type=poster_pdf").then().statusCode(400).body("detail", containsString("type"));
        as(user).get(base + "?phase=no%20spaces").then().statusCode(400).body("detail", containsString("phase"));
    }

    @Test
    void generatedByIsRecordedWithThePromptOfAiTextAndAdminOnlyForAdmins() {
        String user = TestSupport.newUser();
        String session = TestSupport.sessionWithRoom(user).get(0);
        Map<String, Object> body = new HashMap<>(checklist("design"));

        String system = request(user, session, body);
        as(user).get("/documents/" + system).then().statusCode(200).body("generatedBy", equalTo("system"))
                .body("generationPrompt", equalTo(null));
        assertThat(requested(system).get("generatedBy").asText()).isEqualTo("system");

        body.put("generatedBy", "ai");
        body.put("generationPrompt", "A checklist for a small kitchen");
        String ai = request(user, session, body);
        as(user).get("/documents/" + ai).then().statusCode(200).body("generatedBy", equalTo("ai"))
                .body("generationPrompt", equalTo("A checklist for a small kitchen"));
        JsonNode event = requested(ai);
        assertThat(event.get("generatedBy").asText()).isEqualTo("ai");
        assertThat(event.get("generationPrompt").asText()).isEqualTo("A checklist for a small kitchen");

        body.put("generationPrompt", "x".repeat(4001));
        as(user).body(body).post("/sessions/" + session + "/documents").then().statusCode(400);
        body.put("generatedBy", "system");
        body.put("generationPrompt", "a prompt without ai");
        as(user).body(body).post("/sessions/" + session + "/documents").then().statusCode(400)
                .body("detail", containsString("generationPrompt"));
        body.remove("generationPrompt");
        body.put("generatedBy", "robot");
        as(user).body(body).post("/sessions/" + session + "/documents").then().statusCode(400);
        body.put("generatedBy", "admin");
        as(user).body(body).post("/sessions/" + session + "/documents").then().statusCode(403);

        String admin = TestSupport.newUser();
        String adminSession = given().auth().oauth2(TestSupport.adminToken(admin)).contentType(ContentType.JSON)
                .body(Map.of("title", "Admin's own")).post("/sessions").then().statusCode(201).extract().path("id");
        String byAdmin = given().auth().oauth2(TestSupport.adminToken(admin)).contentType(ContentType.JSON)
                .body(body).post("/sessions/" + adminSession + "/documents").then().statusCode(202).extract()
                .path("id");
        assertThat(requested(byAdmin).get("generatedBy").asText()).isEqualTo("admin");
    }
}
