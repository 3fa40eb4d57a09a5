package com.renovation.media.messaging;

import static com.renovation.media.messaging.NoteRecords.deadLetters;
import static com.renovation.media.messaging.NoteRecords.effectsOf;
import static com.renovation.media.messaging.NoteRecords.envelope;
import static com.renovation.media.messaging.NoteRecords.reason;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.renovation.media.contracts.events.EventJson;
import com.renovation.media.messaging.testing.KafkaTestClient;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.common.GroupType;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(DedicatedKafkaResource.class)
class IdempotentConsumerIT {

    private static final String TOPIC = "messaging-it.commands";
    private static final String DLQ = "messaging-it.commands.dlq";

    @Test
    void itsChannelJoinsItsGroupOnKafkasConsumerProtocol() {
        // the classic protocol stops every member of the group whenever one joins or leaves
        await().atMost(Duration.ofSeconds(60)).until(() -> KafkaTestClient.group("messaging-it").members() > 0);
        assertThat(KafkaTestClient.group("messaging-it").type()).isEqualTo(GroupType.CONSUMER);
    }

    @Test
    void theSameEventDeliveredTwiceHasItsEffectOnce() throws Throwable {
        UUID noteId = UUID.randomUUID();
        String record = envelope(noteId, "twice");
        KafkaTestClient.send(TOPIC, noteId.toString(), record);
        KafkaTestClient.send(TOPIC, noteId.toString(), record);
        UUID marker = UUID.randomUUID();
        KafkaTestClient.send(TOPIC, marker.toString(), envelope(marker, "after the duplicate"));

        await().atMost(Duration.ofSeconds(60)).until(() -> effectsOf(marker) == 1);
        assertThat(effectsOf(noteId)).isEqualTo(1);
    }

    @Test
    void aPoisonRecordIsDeadLetteredWithItsReasonAndTheNextRecordIsProcessed() throws Throwable {
        String poison = "{not an event " + UUID.randomUUID();
        KafkaTestClient.send(TOPIC, "poison", poison);
        UUID next = UUID.randomUUID();
        KafkaTestClient.send(TOPIC, next.toString(), envelope(next, "after the poison"));

        await().atMost(Duration.ofSeconds(60)).until(() -> effectsOf(next) == 1);
        await().atMost(Duration.ofSeconds(60)).until(() -> !deadLetters(DLQ, poison).isEmpty());
        assertThat(reason(deadLetters(DLQ, poison).get(0))).contains("not an event envelope");
    }

    @Test
    void anEffectThatKeepsFailingIsDeadLetteredAfterItsAttempts() throws Throwable {
        UUID failing = UUID.randomUUID();
        KafkaTestClient.send(TOPIC, failing.toString(), envelope(failing, "always-fails"));
        UUID next = UUID.randomUUID();
        KafkaTestClient.send(TOPIC, next.toString(), envelope(next, "after the failure"));

        await().atMost(Duration.ofSeconds(60)).until(() -> effectsOf(next) == 1);
        await().atMost(Duration.ofSeconds(60)).until(() -> !deadLetters(DLQ, failing.toString()).isEmpty());
        assertThat(reason(deadLetters(DLQ, failing.toString()).get(0))).contains("effect failed on purpose");
        assertThat(effectsOf(failing)).isZero();
    }

    @Test
    void anEventOfAnotherServicesObjectIsAcknowledgedWithoutATransactionOrARecord() throws Throwable {
        UUID elsewhere = UUID.randomUUID();
        String record = envelope(elsewhere, "for elsewhere");
        KafkaTestClient.send(TOPIC, elsewhere.toString(), record);
        UUID marker = UUID.randomUUID();
        KafkaTestClient.send(TOPIC, marker.toString(), envelope(marker, "after the other service's event"));

        await().atMost(Duration.ofSeconds(60)).until(() -> effectsOf(marker) == 1);
        assertThat(effectsOf(elsewhere)).isZero();
        Long recorded = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery("SELECT count(*) FROM messaging_it.processed_events"
                        + " WHERE event_id = :id", Long.class).setParameter("id", EventJson.read(record).id())
                        .getSingleResult())));
        assertThat(recorded).as("nothing recorded for an event this service is not concerned with").isZero();
        assertThat(deadLetters(DLQ, elsewhere.toString())).isEmpty();
    }
}
