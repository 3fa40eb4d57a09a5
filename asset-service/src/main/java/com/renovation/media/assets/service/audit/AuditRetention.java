package com.renovation.media.assets.service.audit;

import com.renovation.media.assets.config.AuditConfig;
import com.renovation.media.assets.repository.AuditLogRepository;
import com.renovation.media.jobs.LockedBatchJob;
import com.renovation.media.jobs.LockedBatches;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/** Removes audit rows past {@code platform.audit.retention}; the claim deletes them, there is no other work. */
@ApplicationScoped
public class AuditRetention implements LockedBatchJob<Long> {

    private final AuditConfig config;
    private final AuditLogRepository log;
    private final LockedBatches jobs;

    public AuditRetention(AuditConfig config, AuditLogRepository log, LockedBatches jobs) {
        this.config = config;
        this.log = log;
        this.jobs = jobs;
    }

    @Override
    public Schedule schedule() {
        return new Schedule("audit rows past their retention", config.purgeInterval(), config.purgeBatchSize());
    }

    /** One run as of {@code now}; answers how many rows it removed. */
    public Uni<Integer> run(Instant now) {
        return jobs.run(this, now);
    }

    @Override
    public Uni<List<Long>> claim(Instant now, int limit) {
        return log.purge(now.minus(config.retention()), limit);
    }
}
