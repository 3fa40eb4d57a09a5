package com.renovation.media.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.renovation.media.messaging.outbox.Outbox;
import com.renovation.media.messaging.testing.KafkaTestClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A row Kafka refuses (larger than the producer's max.request.size) stays unsent with its attempts counted and the
 * error kept in last_error, where an operator finds it; rows of other subjects in the same batch are published; the
 * backlog gauges count it and its age until it goes.
 */
@QuarkusTest
@QuarkusTestResource(DedicatedKafkaResource.class)
class OutboxFailureIT {

    @Inject
    Outbox outbox;

    @Inject
    MeterRegistry registry;

    @Test
    void aRefusedPublishIsCountedWithItsErrorAndOtherSubjectsStillGoOut() throws Throwable {
        UUID poison = UUID.randomUUID();
        UUID healthy = UUID.randomUUID();
        execute("INSERT INTO outbox (id, topic, subject, payload) VALUES ('" + poison + "', '" + NoteAdded.TOPIC
                + "', '" + poison + "', jsonb_build_object('pad', repeat('x', 2000000)))");
        try {
            VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() ->
                    outbox.add(new NoteAdded(healthy, "published beside a refused row"))));

            await().atMost(Duration.ofSeconds(60)).until(() -> KafkaTestClient.records(NoteAdded.TOPIC).stream()
                    .anyMatch(r -> healthy.toString().equals(r.key())));
            await().atMost(Duration.ofSeconds(60)).until(() -> attempts(poison) >= 2);
            List<Object[]> row = query("SELECT sent_at, last_error FROM outbox WHERE id = '" + poison + "'");
            assertThat(row.get(0)[0]).as("never sent").isNull();
            assertThat((String) row.get(0)[1]).contains("RecordTooLargeException");
            List<Object[]> sent = query("SELECT sent_at, last_error FROM outbox WHERE subject = '" + healthy + "'");
            assertThat(sent.get(0)[0]).isNotNull();
            assertThat(sent.get(0)[1]).isNull();
            assertThat(KafkaTestClient.records(NoteAdded.TOPIC)).noneMatch(r -> poison.toString().equals(r.key()));
            // what an operator's alert watches: one event waiting, and for longer than a second
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(gauge("outbox.backlog.events")).isEqualTo(1);
                assertThat(gauge("outbox.backlog.oldest.seconds")).isGreaterThanOrEqualTo(1);
            });
        } finally {
            execute("DELETE FROM outbox WHERE id = '" + poison + "'"); // it would slow the relay for other tests
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(gauge("outbox.backlog.events")).isZero();
            assertThat(gauge("outbox.backlog.oldest.seconds")).isZero();
        });
    }

    private double gauge(String name) {
        return registry.get(name).gauge().value();
    }

    private static int attempts(UUID id) {
        try {
            return ((Number) query("SELECT attempts, id FROM outbox WHERE id = '" + id + "'").get(0)[0]).intValue();
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private static void execute(String sql) throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> Panache.getSession()
                .chain(s -> s.createNativeQuery(sql).executeUpdate())));
    }

    private static List<Object[]> query(String sql) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> Panache.getSession()
                .chain(s -> s.createNativeQuery(sql, Object[].class).getResultList())));
    }
}
