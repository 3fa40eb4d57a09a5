package com.renovation.media.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.renovation.media.contracts.events.EventEnvelope;
import com.renovation.media.contracts.events.EventJson;
import com.renovation.media.messaging.testing.KafkaTestClient;
import com.renovation.media.messaging.outbox.Outbox;
import com.renovation.media.messaging.outbox.OutboxRelay;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(DedicatedKafkaResource.class)
class OutboxIT {

    @Inject
    Outbox outbox;

    @Inject
    OutboxRelay relay;

    /** Saves a note and its event in one transaction, as a service does. */
    private EventEnvelope saveNote(UUID noteId, String text) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() ->
                Note.of(UUID.randomUUID(), text).persist().chain(() -> outbox.add(new NoteAdded(noteId, text)))));
    }

    private static List<ConsumerRecord<String, String>> recordsOf(UUID subject) {
        return KafkaTestClient.records(NoteAdded.TOPIC).stream().filter(r -> subject.toString().equals(r.key())).toList();
    }

    @Test
    void eventOfARolledBackTransactionIsNeverPublished() throws Throwable {
        UUID noteId = UUID.randomUUID();
        assertThatThrownBy(() -> VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() ->
                outbox.add(new NoteAdded(noteId, "rolled back"))
                        .chain(() -> Uni.createFrom().failure(new IllegalStateException("business rule failed"))))))
                .hasMessageContaining("business rule failed");
        EventEnvelope committed = saveNote(noteId, "committed");

        await().atMost(Duration.ofSeconds(60)).until(() -> !recordsOf(noteId).isEmpty());
        List<ConsumerRecord<String, String>> records = recordsOf(noteId);
        assertThat(records).hasSize(1);
        assertThat(EventJson.read(records.get(0).value()).id()).isEqualTo(committed.id());
    }

    @Test
    void outsideATransactionTheOutboxRefuses() {
        assertThatThrownBy(() -> VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() ->
                outbox.add(new NoteAdded(UUID.randomUUID(), "no transaction")))))
                .hasMessageContaining("outside a transaction");
    }

    @Test
    void committedEventIsPublishedOnceWithKeyAndEnvelopeEvenWhenTheRelayWasStopped() throws Throwable {
        UUID noteId = UUID.randomUUID();
        relay.pause();
        EventEnvelope saved;
        try {
            saved = saveNote(noteId, "survives a stopped relay");
            Thread.sleep(2000);
            assertThat(recordsOf(noteId)).as("nothing is published while the relay is stopped").isEmpty();
        } finally {
            relay.resume();
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> !recordsOf(noteId).isEmpty());
        Thread.sleep(1500); // a duplicate would have arrived by now
        List<ConsumerRecord<String, String>> records = recordsOf(noteId);
        assertThat(records).hasSize(1);
        ConsumerRecord<String, String> record = records.get(0);
        assertThat(record.key()).isEqualTo(noteId.toString());
        assertThat(new String(record.headers().lastHeader("event-type").value(), StandardCharsets.UTF_8))
                .isEqualTo(NoteAdded.TOPIC);

        JsonNode envelope = EventJson.MAPPER.readTree(record.value());
        assertThat(envelope.get("id").asText()).isEqualTo(saved.id().toString());
        assertThat(envelope.get("type").asText()).isEqualTo(NoteAdded.TOPIC);
        assertThat(envelope.get("source").asText()).isEqualTo("messaging-it");
        assertThat(envelope.get("subject").asText()).isEqualTo(noteId.toString());
        assertThat(envelope.get("time").asText()).isNotBlank();
        assertThat(envelope.get("data").get("text").asText()).isEqualTo("survives a stopped relay");
    }

    @Test
    void eventsWaitThroughABrokerOutageAndArriveInOrderPerSubject() throws Throwable {
        List<UUID> subjects = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        DedicatedKafkaResource.kafka.stop();
        Map<UUID, List<String>> written = new java.util.HashMap<>();
        try {
            for (int i = 0; i < 5; i++) {
                for (UUID subject : subjects) {
                    String text = "event " + i;
                    saveNote(subject, text);
                    written.computeIfAbsent(subject, s -> new ArrayList<>()).add(text);
                }
            }
            Thread.sleep(10_000);
        } finally {
            DedicatedKafkaResource.kafka.start();
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> subjects.stream().allMatch(s -> recordsOf(s).size() >= 5));
        for (UUID subject : subjects) {
            List<String> received = recordsOf(subject).stream()
                    .map(r -> EventJson.read(r.value()).data().get("text").asText())
                    .collect(Collectors.toList());
            assertThat(received).as("order of subject %s", subject).isEqualTo(written.get(subject));
        }
    }

    @Test
    void aSubjectsPendingEventsGoOutInOneRoundInTheOrderTheyWereWritten() throws Throwable {
        UUID noteId = UUID.randomUUID();
        List<String> written = new ArrayList<>();
        relay.pause();
        try {
            for (int i = 0; i < 6; i++) {
                saveNote(noteId, "step " + i);
                written.add("step " + i);
            }
        } finally {
            relay.resume();
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> recordsOf(noteId).size() >= 6);
        assertThat(recordsOf(noteId)).extracting(r -> EventJson.read(r.value()).data().get("text").asText())
                .isEqualTo(written);
        // one round stamps its rows in one transaction: one sent_at, not one round trip per event
        Long stamps = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery("SELECT count(DISTINCT sent_at) FROM messaging_it.outbox"
                        + " WHERE subject = :subject", Long.class).setParameter("subject", noteId.toString())
                        .getSingleResult())));
        assertThat(stamps).isEqualTo(1L);
    }
}
