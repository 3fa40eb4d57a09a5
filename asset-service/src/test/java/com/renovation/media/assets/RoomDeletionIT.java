package com.renovation.media.assets;

import static com.renovation.media.assets.TestSupport.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.JsonNode;
import com.renovation.media.contracts.events.EventJson;
import com.renovation.media.contracts.events.payload.DocumentReady;
import com.renovation.media.messaging.testing.KafkaTestClient;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Deleting a room takes the documents drawn from it too: asset-service's projection of them at once, and
 * document-service's rows and PDFs through {@code room.deleted}, which this test reads from Kafka.
 */
@QuarkusTest
class RoomDeletionIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void deletingARoomRemovesItsDocumentsAndAnnouncesTheRoom() {
        String user = TestSupport.newUser();
        List<String> ids = TestSupport.sessionWithRoom(user);
        String session = ids.get(0);
        String room = ids.get(1);
        String otherRoom = as(user).body(Map.of("name", "Bath", "roomType", "bathroom"))
                .post("/sessions/" + session + "/rooms").then().statusCode(201).extract().path("id");
        TestSupport.upload(user, room, "photo", "a.jpg", "image/jpeg", TestSupport.jpeg(40, 30));
        String report = requestReport(user, session, room);
        String kept = requestReport(user, session, otherRoom);
        KafkaTestClient.publish("document-service", new DocumentReady(UUID.fromString(report),
                UUID.fromString(session), 1, "user-uploads", "session_" + session + "/artifacts/room_report_pdf_v1_1.pdf",
                1234, 1));
        await().atMost(WAIT).untilAsserted(() -> as(user).get("/documents/" + report).then()
                .body("status", equalTo("ready")));

        as(user).delete("/rooms/" + room).then().statusCode(204);

        as(user).get("/documents/" + report).then().statusCode(404);
        as(user).get("/sessions/" + session + "/documents").then().statusCode(200).body("items", hasSize(1))
                .body("items[0].id", equalTo(kept));
        JsonNode[] announced = new JsonNode[1];
        await().atMost(WAIT).until(() -> {
            var records = KafkaTestClient.records("room.deleted", room);
            announced[0] = records.isEmpty() ? null : EventJson.read(records.get(0).value()).data();
            return announced[0] != null;
        });
        assertThat(announced[0].get("roomId").asText()).isEqualTo(room);
        assertThat(announced[0].get("sessionId").asText()).isEqualTo(session);
        assertThat(announced[0].get("ownerId").asText()).isEqualTo(user);
    }

    private static String requestReport(String user, String session, String room) {
        return as(user).body(Map.of("documentType", "room_report_pdf", "title", "Report", "roomId", room))
                .post("/sessions/" + session + "/documents").then().statusCode(202).extract().path("id");
    }
}
