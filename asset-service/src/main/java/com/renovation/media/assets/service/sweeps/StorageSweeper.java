package com.renovation.media.assets.service.sweeps;

import com.renovation.media.assets.config.UploadConfig;
import com.renovation.media.assets.repository.StorageSweep;
import com.renovation.media.assets.repository.StorageSweepRepository;
import com.renovation.media.jobs.LockedBatchJob;
import com.renovation.media.jobs.LockedBatches;
import com.renovation.media.storage.s3.ObjectStore;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Deletes the prefixes {@link StorageSweeps} scheduled once they are due. A sweep is claimed for the lease in one
 * short transaction, deleted from S3 outside any transaction, then forgotten; one that fails is retried after its
 * lease.
 */
@ApplicationScoped
public class StorageSweeper implements LockedBatchJob<StorageSweep> {

    private static final Logger LOG = Logger.getLogger(StorageSweeper.class);

    private final StorageSweepRepository sweeps;
    private final ObjectStore objects;
    private final UploadConfig config;
    private final LockedBatches jobs;

    public StorageSweeper(StorageSweepRepository sweeps, ObjectStore objects, UploadConfig config,
            LockedBatches jobs) {
        this.sweeps = sweeps;
        this.objects = objects;
        this.config = config;
        this.jobs = jobs;
    }

    @Override
    public Schedule schedule() {
        return new Schedule("prefixes swept after their upload URLs expired", config.sweepInterval(),
                config.sweepBatchSize(), Duration.ofSeconds(20));
    }

    /** One run over the sweeps due at {@code now}; answers how many were completed. */
    public Uni<Integer> run(Instant now) {
        return jobs.run(this, now);
    }

    @Override
    public Uni<List<StorageSweep>> claim(Instant now, int limit) {
        return sweeps.claimDue(now, LEASE, limit);
    }

    /** Each prefix on its own: one that fails stays claimed and is retried after its lease. */
    @Override
    public Uni<List<StorageSweep>> work(List<StorageSweep> claimed) {
        // a failed sweep answers null, which the stream leaves out
        return Multi.createFrom().iterable(claimed).onItem().transformToUniAndConcatenate(this::sweep)
                .collect().asList();
    }

    @Override
    public Uni<Void> finish(List<StorageSweep> done) {
        return sweeps.delete("id in ?1", done.stream().map(sweep -> sweep.id).toList()).replaceWithVoid();
    }

    private Uni<StorageSweep> sweep(StorageSweep sweep) {
        return objects.deletePrefix(sweep.bucket, sweep.prefix).replaceWith(sweep)
                .onFailure().recoverWithItem(e -> {
                    LOG.warnf("sweeping %s/%s failed (attempt %d), retried later: %s", sweep.bucket, sweep.prefix,
                            sweep.attempts, e.getMessage());
                    return null;
                });
    }
}
