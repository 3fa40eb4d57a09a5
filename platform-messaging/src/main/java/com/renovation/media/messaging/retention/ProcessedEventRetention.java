package com.renovation.media.messaging.retention;

import com.renovation.media.jobs.LockedBatchJob;
import com.renovation.media.messaging.config.MessagingConfig;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Forgets applied event ids older than {@code platform.messaging.consumer.retention} (longer than any record
 * stays on a topic). One DELETE per batch, its rows taken with SKIP LOCKED, so replicas share the rows.
 */
@ApplicationScoped
public class ProcessedEventRetention implements LockedBatchJob<UUID> {

    private final MessagingConfig config;
    private final String delete;

    public ProcessedEventRetention(MessagingConfig config) {
        this.config = config;
        String processed = config.schema() + ".processed_events";
        this.delete = "DELETE FROM " + processed + " WHERE (event_id, consumer) IN (SELECT event_id, consumer FROM "
                + processed + " WHERE processed_at < :before LIMIT :limit FOR UPDATE SKIP LOCKED) RETURNING event_id";
    }

    @Override
    public String name() {
        return "processed event ids past their retention";
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
    public Uni<List<UUID>> claim(Instant now, int limit) {
        return Panache.getSession().chain(s -> s.createNativeQuery(delete, UUID.class)
                .setParameter("before", now.minus(config.consumer().retention()))
                .setParameter("limit", limit)
                .getResultList());
    }
}
