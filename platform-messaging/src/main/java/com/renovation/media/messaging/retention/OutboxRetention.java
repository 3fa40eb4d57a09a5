package com.renovation.media.messaging.retention;

import com.renovation.media.jobs.LockedBatchJob;
import com.renovation.media.messaging.config.MessagingConfig;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Deletes published outbox rows (they hold the events' owner data) older than
 * {@code platform.messaging.outbox.retention}; unsent rows are never touched. One DELETE per batch, its rows
 * taken with SKIP LOCKED, so replicas purging at once share the rows and no statement runs long.
 */
@ApplicationScoped
public class OutboxRetention implements LockedBatchJob<Long> {

    private final MessagingConfig config;
    private final String delete;

    public OutboxRetention(MessagingConfig config) {
        this.config = config;
        String outbox = config.schema() + ".outbox";
        this.delete = "DELETE FROM " + outbox + " WHERE seq IN (SELECT seq FROM " + outbox
                + " WHERE sent_at < :before ORDER BY sent_at LIMIT :limit FOR UPDATE SKIP LOCKED) RETURNING seq";
    }

    @Override
    public String name() {
        return "published outbox rows past their retention";
    }

    @Override
    public Duration interval() {
        return config.purge().interval();
    }

    @Override
    public int batchSize() {
        return config.purge().batchSize();
    }

    @Override
    public Uni<List<Long>> claim(Instant now, int limit) {
        return Panache.getSession().chain(s -> s.createNativeQuery(delete, Long.class)
                .setParameter("before", now.minus(config.outbox().retention()))
                .setParameter("limit", limit)
                .getResultList());
    }
}
