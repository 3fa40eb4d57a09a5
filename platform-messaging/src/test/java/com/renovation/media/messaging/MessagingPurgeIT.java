package com.renovation.media.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.renovation.media.jobs.LockedBatches;
import com.renovation.media.messaging.outbox.OutboxRelay;
import com.renovation.media.messaging.retention.OutboxRetention;
import com.renovation.media.messaging.retention.ProcessedEventRetention;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Retention of the messaging tables: published outbox rows (they hold the events' owner data) go after
 * {@code platform.messaging.outbox.retention}, remembered event ids after {@code platform.messaging.consumer.retention};
 * unsent rows stay whatever their age. The tests' batch size is 2, so a run needs several batches.
 */
@QuarkusTest
@QuarkusTestResource(DedicatedKafkaResource.class)
class MessagingPurgeIT {

    @Inject
    LockedBatches jobs;

    @Inject
    OutboxRetention outboxRetention;

    @Inject
    ProcessedEventRetention processedEventRetention;

    @Inject
    OutboxRelay relay;

    @Test
    void publishedOutboxRowsAndProcessedEventIdsPastTheirRetentionAreDeletedInBatches() throws Throwable {
        String subject = "purge-" + UUID.randomUUID();
        String consumer = "purge-" + UUID.randomUUID();
        relay.pause(); // the unsent row must stay unsent while the purge runs
        try {
            purgeAndCheck(subject, consumer);
        } finally {
            relay.resume();
        }
    }

    private void purgeAndCheck(String subject, String consumer) throws Throwable {
        // outbox retention 7 days (default), processed-event retention 30 days (default)
        for (int i = 0; i < 5; i++) {
            outboxRow(subject, "old-sent", "now() - interval '8 days'", "now() - interval '8 days'");
            processedEvent(consumer, "now() - interval '31 days'");
        }
        outboxRow(subject, "recent-sent", "now() - interval '6 days'", "now() - interval '6 days'");
        outboxRow(subject, "old-unsent", "now() - interval '40 days'", "NULL");
        processedEvent(consumer, "now() - interval '8 days'");

        int outboxRows = VertxContextSupport.subscribeAndAwait(() -> jobs.run(outboxRetention, Instant.now()));
        int processedEvents = VertxContextSupport.subscribeAndAwait(() ->
                jobs.run(processedEventRetention, Instant.now()));

        assertThat(outboxRows).isGreaterThanOrEqualTo(5);
        assertThat(processedEvents).isGreaterThanOrEqualTo(5);
        assertThat(outboxTags(subject)).containsExactlyInAnyOrder("recent-sent", "old-unsent");
        assertThat(processedCount(consumer)).isEqualTo(1);
    }

    private static void outboxRow(String subject, String tag, String createdAt, String sentAt) throws Throwable {
        execute("INSERT INTO outbox (id, topic, subject, payload, created_at, sent_at) VALUES ('"
                + UUID.randomUUID() + "', 'messaging-it.purge', '" + subject + "', '{\"tag\": \"" + tag + "\"}', "
                + createdAt + ", " + sentAt + ")");
    }

    private static void processedEvent(String consumer, String processedAt) throws Throwable {
        execute("INSERT INTO processed_events (event_id, consumer, processed_at) VALUES ('" + UUID.randomUUID()
                + "', '" + consumer + "', " + processedAt + ")");
    }

    private static void execute(String sql) throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> Panache.getSession()
                .chain(s -> s.createNativeQuery(sql).executeUpdate())));
    }

    private static List<String> outboxTags(String subject) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> Panache.getSession()
                .chain(s -> s.createNativeQuery("SELECT payload ->> 'tag' FROM outbox WHERE subject = :subject", String.class)
                        .setParameter("subject", subject).getResultList())));
    }

    private static long processedCount(String consumer) throws Throwable {
        return VertxContextSupport.<Long>subscribeAndAwait(() -> Panache.withSession(() -> Panache.getSession()
                .chain(s -> s.createNativeQuery("SELECT count(*) FROM processed_events WHERE consumer = :consumer",
                        Long.class).setParameter("consumer", consumer).getSingleResult())));
    }
}
