package com.renovation.media.messaging.retention;

import com.renovation.media.messaging.config.MessagingConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Deletes, on a timer, published outbox rows older than {@code platform.messaging.outbox.retention} and remembered
 * event ids older than {@code platform.messaging.consumer.retention}. Unsent outbox rows are never touched.
 * Each DELETE takes at most one batch of rows with {@code FOR UPDATE SKIP LOCKED}, so replicas purging at the same
 * time share the rows instead of waiting on each other, and no statement runs long.
 */
@ApplicationScoped
public class MessagingPurge {

    private static final Logger LOG = Logger.getLogger(MessagingPurge.class);

    /** How many rows one run deleted from each table. */
    public record Purged(long outboxRows, long processedEvents) {
    }

    private final MessagingConfig config;
    private final Pool pool;
    private final Vertx vertx;
    private final String deleteSentOutbox;
    private final String deleteProcessedEvents;
    private final AtomicBoolean running = new AtomicBoolean();
    private Long timer;

    public MessagingPurge(MessagingConfig config, Pool pool, Vertx vertx) {
        this.config = config;
        this.pool = pool;
        this.vertx = vertx;
        String outbox = config.schema() + ".outbox";
        String processed = config.schema() + ".processed_events";
        this.deleteSentOutbox = "DELETE FROM " + outbox + " WHERE seq IN (SELECT seq FROM " + outbox
                + " WHERE sent_at < now() - make_interval(secs => $1) ORDER BY sent_at LIMIT $2"
                + " FOR UPDATE SKIP LOCKED)";
        this.deleteProcessedEvents = "DELETE FROM " + processed + " WHERE (event_id, consumer) IN"
                + " (SELECT event_id, consumer FROM " + processed
                + " WHERE processed_at < now() - make_interval(secs => $1) LIMIT $2 FOR UPDATE SKIP LOCKED)";
    }

    void onStart(@Observes StartupEvent event) {
        timer = vertx.setPeriodic(config.purge().interval().toMillis(), id -> {
            if (running.compareAndSet(false, true)) {
                purge().onTermination().invoke(() -> running.set(false)).subscribe().with(
                        purged -> LOG.debugf("purged %d outbox rows, %d processed event ids", purged.outboxRows(),
                                purged.processedEvents()),
                        failure -> LOG.warnf("messaging purge failed: %s", failure.getMessage()));
            }
        });
    }

    void onStop(@Observes ShutdownEvent event) {
        if (timer != null) {
            vertx.cancelTimer(timer);
        }
    }

    /** One run: batches until both tables hold nothing past its retention. */
    public Uni<Purged> purge() {
        return deleteAll(deleteSentOutbox, config.outbox().retention(), 0)
                .chain(outboxRows -> deleteAll(deleteProcessedEvents, config.consumer().retention(), 0)
                        .map(processed -> new Purged(outboxRows, processed)));
    }

    private Uni<Long> deleteAll(String statement, Duration retention, long deletedSoFar) {
        int batch = config.purge().batchSize();
        return pool.preparedQuery(statement).execute(Tuple.of(retention.toSeconds(), batch)).chain(rows ->
                rows.rowCount() < batch ? Uni.createFrom().item(deletedSoFar + rows.rowCount())
                        : deleteAll(statement, retention, deletedSoFar + rows.rowCount()));
    }
}
