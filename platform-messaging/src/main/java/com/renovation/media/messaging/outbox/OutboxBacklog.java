package com.renovation.media.messaging.outbox;

import com.renovation.media.messaging.config.MessagingConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * What the outbox has not published yet, as gauges an alert can watch: {@code outbox.backlog.events} (unsent rows)
 * and {@code outbox.backlog.oldest.seconds} (how long the oldest has waited; 0 when none waits). A relay that is
 * stuck (Kafka unreachable, a poisoned row) shows as a growing age long before users notice missing updates. Read
 * from the table every {@code backlog-interval} by every replica, relay or not: the table is the truth.
 */
@ApplicationScoped
public class OutboxBacklog {

    private static final Logger LOG = Logger.getLogger(OutboxBacklog.class);

    private final MessagingConfig config;
    private final Pool pool;
    private final Vertx vertx;
    private final String query;
    private final AtomicLong unsent = new AtomicLong();
    private final AtomicLong oldestSeconds = new AtomicLong();
    private long timer = -1;

    public OutboxBacklog(MessagingConfig config, Pool pool, Vertx vertx, MeterRegistry registry) {
        this.config = config;
        this.pool = pool;
        this.vertx = vertx;
        // the partial index on pending rows keeps both cheap however many sent rows the table holds
        this.query = "SELECT count(*) AS unsent, coalesce(extract(epoch FROM now() - min(created_at)), 0)::bigint"
                + " AS oldest FROM " + config.schema() + ".outbox WHERE sent_at IS NULL";
        Gauge.builder("outbox.backlog.events", unsent, AtomicLong::get)
                .description("outbox events not published yet").register(registry);
        Gauge.builder("outbox.backlog.oldest.seconds", oldestSeconds, AtomicLong::get)
                .description("how long the oldest unpublished outbox event has waited").baseUnit("seconds")
                .register(registry);
    }

    void onStart(@Observes StartupEvent event) {
        timer = vertx.setPeriodic(1, config.outbox().backlogInterval().toMillis(), id -> read());
    }

    void onStop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    private void read() {
        pool.query(query).execute().subscribe().with(rows -> {
            Row row = rows.iterator().next();
            unsent.set(row.getLong("unsent"));
            oldestSeconds.set(row.getLong("oldest"));
        }, failure -> LOG.debugf("outbox backlog not read: %s", failure.getMessage()));
    }
}
