package com.renovation.media.messaging.retention;

import com.renovation.media.jobs.LockedBatchJob;
import com.renovation.media.messaging.config.MessagingConfig;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Deletes a messaging table's rows older than their retention, every {@code platform.messaging.purge.interval}.
 * One DELETE per batch, its rows taken with SKIP LOCKED, so replicas purging at once share the rows instead of
 * waiting on each other, and no statement runs long. There is no network work: the claim deletes the rows.
 *
 * @param <K> the key the DELETE returns of each row
 */
abstract class RetentionPurge<K> implements LockedBatchJob<K> {

    private final MessagingConfig config;
    private final String name;
    private final Duration retention;
    private final Class<K> key;
    private final String delete;

    /** {@code delete} takes {@code :before} and {@code :limit} and returns the key of each row it deleted. */
    RetentionPurge(MessagingConfig config, String name, Duration retention, Class<K> key, String delete) {
        this.config = config;
        this.name = name;
        this.retention = retention;
        this.key = key;
        this.delete = delete;
    }

    @Override
    public Schedule schedule() {
        return new Schedule(name, config.purge().interval(), config.purge().batchSize());
    }

    @Override
    public Uni<List<K>> claim(Instant now, int limit) {
        return Panache.getSession().chain(s -> s.createNativeQuery(delete, key)
                .setParameter("before", now.minus(retention))
                .setParameter("limit", limit)
                .getResultList());
    }
}
