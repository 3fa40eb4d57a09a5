package com.renovation.media.messaging;

import static com.renovation.media.messaging.NoteRecords.effectsOf;
import static com.renovation.media.messaging.NoteRecords.envelope;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.renovation.media.contracts.events.EventEnvelope;
import com.renovation.media.contracts.events.EventJson;
import com.renovation.media.messaging.outbox.Outbox;
import com.renovation.media.messaging.testing.KafkaTestClient;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * Against a broker that accepts only SASL-authenticated clients, the service's one set of Kafka settings
 * ({@code kafka.security.protocol}, {@code kafka.sasl.*}) reaches every client: the outbox relay's producer, the
 * SmallRye consumer and that consumer's dead-letter producer.
 */
@QuarkusTest
@TestProfile(SaslCredentials.Right.class)
class KafkaSaslIT {

    private static final String COMMANDS = "messaging-it.commands";
    private static final String DLQ = "messaging-it.commands.dlq";

    @Inject
    Outbox outbox;

    @Test
    void theBrokerRefusesAClientWithoutCredentials() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestClient.bootstrap());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000);
        try (KafkaProducer<String, String> anonymous = new KafkaProducer<>(props)) {
            assertThatThrownBy(() -> anonymous.send(new ProducerRecord<>(NoteAdded.TOPIC, "k", "v")).get())
                    .as("a PLAINTEXT client of the SASL listener gets nowhere").isNotNull();
        }
    }

    @Test
    void theOutboxRelayPublishesWithTheServicesCredentials() throws Throwable {
        UUID noteId = UUID.randomUUID();
        EventEnvelope saved = VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() ->
                Note.of(UUID.randomUUID(), "over SASL").persist()
                        .chain(() -> outbox.add(new NoteAdded(noteId, "over SASL")))));

        await().atMost(Duration.ofSeconds(60)).until(() -> !KafkaTestClient.records(NoteAdded.TOPIC,
                noteId.toString()).isEmpty());
        assertThat(EventJson.read(KafkaTestClient.records(NoteAdded.TOPIC, noteId.toString()).get(0).value()).id())
                .isEqualTo(saved.id());
    }

    @Test
    void theConsumerAndItsDeadLetterProducerAuthenticateToo() {
        UUID noteId = UUID.randomUUID();
        KafkaTestClient.send(COMMANDS, noteId.toString(), envelope(noteId, "consumed over SASL"));
        String poison = "{not an event " + UUID.randomUUID();
        KafkaTestClient.send(COMMANDS, "poison", poison);

        await().atMost(Duration.ofSeconds(60)).until(() -> effectsOf(noteId) == 1);
        await().atMost(Duration.ofSeconds(60)).until(() -> KafkaTestClient.records(DLQ).stream()
                .anyMatch(r -> r.value().equals(poison)));
    }
}
