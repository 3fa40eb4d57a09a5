package com.renovation.media.messaging;

import com.renovation.media.contracts.events.EventEnvelope;
import com.renovation.media.contracts.events.EventJson;
import com.renovation.media.messaging.testing.KafkaTestClient;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** What the consumer tests send (notes as events) and look at (their effects, dead letters and reasons). */
final class NoteRecords {

    private NoteRecords() {
    }

    static String envelope(UUID noteId, String text) {
        return EventJson.write(EventEnvelope.wrap("test", new NoteAdded(noteId, text)));
    }

    /** How many times the note's effect was applied. */
    static long effectsOf(UUID noteId) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() ->
                    NoteEffect.count("noteId", noteId)));
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    static List<ConsumerRecord<String, String>> deadLetters(String topic, String containing) {
        return KafkaTestClient.records(topic).stream().filter(r -> r.value().contains(containing)).toList();
    }

    static String reason(ConsumerRecord<String, String> record) {
        return new String(record.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8);
    }
}
