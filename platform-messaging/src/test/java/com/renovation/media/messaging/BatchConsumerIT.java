package com.renovation.media.messaging;

import static com.renovation.media.messaging.NoteRecords.deadLetters;
import static com.renovation.media.messaging.NoteRecords.effectsOf;
import static com.renovation.media.messaging.NoteRecords.envelope;
import static com.renovation.media.messaging.NoteRecords.reason;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.renovation.media.messaging.testing.KafkaTestClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@code IdempotentConsumer.processBatch}: the records of one poll applied in one transaction, each still at most
 * once, and a bad record dead-lettered alone while the others of its batch are applied.
 */
@QuarkusTest
@QuarkusTestResource(DedicatedKafkaResource.class)
class BatchConsumerIT {

    private static final String TOPIC = "messaging-it.batches";
    private static final String DLQ = "messaging-it.batches.dlq";
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    MeterRegistry registry;

    @Test
    void eventsPolledTogetherApplyInOneTransactionEachOnce() {
        String key = UUID.randomUUID().toString();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID third = UUID.randomUUID();
        String duplicated = envelope(second, "twice in the batch");
        double transactionsBefore = transactions();

        KafkaTestClient.sendTogether(TOPIC, key, List.of(envelope(first, "one"), duplicated, duplicated,
                envelope(third, "three")));

        await().atMost(WAIT).until(() -> effectsOf(third) == 1);
        assertThat(effectsOf(first)).isEqualTo(1);
        assertThat(effectsOf(second)).as("a duplicate in the same batch").isEqualTo(1);
        assertThat(transactions() - transactionsBefore).as("transactions for four records polled together")
                .isEqualTo(1);
    }

    @Test
    void anEventAppliedByAnEarlierBatchIsSkippedInALaterOne() {
        String key = UUID.randomUUID().toString();
        UUID redelivered = UUID.randomUUID();
        UUID fresh = UUID.randomUUID();
        String event = envelope(redelivered, "delivered twice"); // one event id, as the relay sends a row again
        KafkaTestClient.sendTogether(TOPIC, key, List.of(event));
        await().atMost(WAIT).until(() -> effectsOf(redelivered) == 1);

        KafkaTestClient.sendTogether(TOPIC, key, List.of(event, envelope(fresh, "new")));

        await().atMost(WAIT).until(() -> effectsOf(fresh) == 1);
        assertThat(effectsOf(redelivered)).as("applied once, by the first batch").isEqualTo(1);
    }

    @Test
    void aBadRecordIsDeadLetteredAloneAndTheRestOfItsBatchIsApplied() {
        String key = UUID.randomUUID().toString();
        UUID before = UUID.randomUUID();
        UUID failing = UUID.randomUUID();
        UUID elsewhere = UUID.randomUUID();
        UUID after = UUID.randomUUID();
        String poison = "{not an event " + key;

        KafkaTestClient.sendTogether(TOPIC, key, List.of(envelope(before, "before"), poison,
                envelope(failing, "always-fails"), envelope(elsewhere, "for elsewhere"), envelope(after, "after")));

        await().atMost(WAIT).until(() -> effectsOf(after) == 1);
        assertThat(effectsOf(before)).isEqualTo(1);
        assertThat(effectsOf(failing)).isZero();
        assertThat(effectsOf(elsewhere)).isZero();
        await().atMost(WAIT).until(() -> deadLetters(DLQ, failing.toString()).size() == 1 && deadLetters(DLQ, key).size() == 1);
        assertThat(reason(deadLetters(DLQ, failing.toString()).get(0))).contains("effect failed on purpose");
        assertThat(reason(deadLetters(DLQ, key).get(0))).contains("not an event envelope");
        assertThat(deadLetters(DLQ, before.toString())).as("only the bad records are dead-lettered").isEmpty();
        assertThat(deadLetters(DLQ, after.toString())).isEmpty();
        assertThat(deadLetters(DLQ, elsewhere.toString())).isEmpty();
    }

    private double transactions() {
        var timer = registry.find("events.apply").tag("consumer", "note-batches").timer();
        return timer == null ? 0 : timer.count();
    }

}
