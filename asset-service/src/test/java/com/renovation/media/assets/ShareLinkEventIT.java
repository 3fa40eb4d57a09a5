package com.renovation.media.assets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.renovation.media.contracts.events.Topics;
import com.renovation.media.messaging.testing.KafkaTestClient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Making a link announces it (for the owner's notification) without ever putting its token in the event. */
@QuarkusTest
class ShareLinkEventIT {

    @Test
    void aNewLinkIsAnnouncedWithoutItsToken() {
        String user = TestSupport.newUser();
        List<String> place = TestSupport.sessionWithRoom(user);
        String a = TestSupport.upload(user, place.get(1), "photo", "a.jpg", "image/jpeg", TestSupport.jpeg(40, 30));
        String b = TestSupport.upload(user, place.get(1), "photo", "b.jpg", "image/jpeg", TestSupport.jpeg(40, 30));

        Response created = LinkTestSupport.create(user, Map.of("kind", "zip", "assetIds", List.of(a, b),
                "maxDownloads", 3));
        created.then().statusCode(201);
        String linkId = created.path("id");
        String token = created.path("token");

        await().atMost(Duration.ofSeconds(60))
                .until(() -> !KafkaTestClient.records(Topics.SHARE_LINK_CREATED, linkId).isEmpty());
        List<ConsumerRecord<String, String>> records = KafkaTestClient.records(Topics.SHARE_LINK_CREATED, linkId);
        assertThat(records).hasSize(1);
        assertThat(records.get(0).value()).doesNotContain(token);
        JsonNode data = KafkaTestClient.eventData(Topics.SHARE_LINK_CREATED, linkId).get(0);
        assertThat(data.get("linkId").asText()).isEqualTo(linkId);
        assertThat(data.get("ownerId").asText()).isEqualTo(user);
        assertThat(data.get("kind").asText()).isEqualTo("zip");
        assertThat(data.get("targetCount").asInt()).isEqualTo(2);
        assertThat(data.get("maxDownloads").asInt()).isEqualTo(3);
        assertThat(Instant.parse(data.get("expiresAt").asText())).isEqualTo(Instant.parse(created.path("expiresAt")));
        assertThat(data.has("token")).isFalse();
        assertThat(LinkTestSupport.query(Long.class, "SELECT count(*) FROM outbox WHERE topic = 'share.link.created'"
                + " AND payload::text LIKE '%' || :token || '%'", "token", token)).isZero();
    }
}
