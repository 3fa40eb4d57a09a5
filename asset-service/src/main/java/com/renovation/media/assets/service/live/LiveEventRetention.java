package com.renovation.media.assets.service.live;

import com.renovation.media.assets.config.LiveConfig;
import com.renovation.media.assets.repository.LiveEventRepository;
import com.renovation.media.jobs.LockedBatchJob;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;

/** Forgets live events past {@code platform.live.retention}; the claim deletes them, there is no other work. */
@Singleton
public class LiveEventRetention implements LockedBatchJob<Long> {

    private final LiveConfig config;
    private final LiveEventRepository events;

    public LiveEventRetention(LiveConfig config, LiveEventRepository events) {
        this.config = config;
        this.events = events;
    }

    @Override
    public Schedule schedule() {
        return new Schedule("live events past their retention", config.purgeInterval(), config.purgeBatchSize());
    }

    @Override
    public Uni<List<Long>> claim(Instant now, int limit) {
        return events.purge(now.minus(config.retention()), limit);
    }
}
