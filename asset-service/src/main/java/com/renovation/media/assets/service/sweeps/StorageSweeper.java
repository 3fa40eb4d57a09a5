package com.renovation.media.assets.service.sweeps;

import com.renovation.media.assets.config.UploadConfig;
import com.renovation.media.assets.repository.StorageSweep;
import com.renovation.media.assets.repository.StorageSweepRepository;
import com.renovation.media.storage.s3.ObjectStore;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Deletes the prefixes {@link StorageSweeps} scheduled once they are due. A sweep is claimed in one short
 * transaction, deleted from S3 outside any transaction, then forgotten; one that fails is retried after its lease.
 */
@ApplicationScoped
public class StorageSweeper {

    private static final Logger LOG = Logger.getLogger(StorageSweeper.class);
    private static final Duration LEASE = Duration.ofMinutes(5);

    private final StorageSweepRepository sweeps;
    private final ObjectStore objects;
    private final UploadConfig config;

    public StorageSweeper(StorageSweepRepository sweeps, ObjectStore objects, UploadConfig config) {
        this.sweeps = sweeps;
        this.objects = objects;
        this.config = config;
    }

    @Scheduled(every = "${platform.uploads.sweep-interval}", delayed = "20s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return run(Instant.now()).invoke(count -> {
            if (count > 0) {
                LOG.infof("swept %d prefixes after their upload URLs expired", count);
            }
        }).onFailure().invoke(e -> LOG.warnf("storage sweep failed: %s", e.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** One pass over the sweeps due at {@code now}; answers how many were completed. */
    public Uni<Integer> run(Instant now) {
        return Panache.withTransaction(() -> sweeps.claimDue(now, LEASE, config.sweepBatchSize()))
                .onItem().transformToMulti(claimed -> Multi.createFrom().iterable(claimed))
                .onItem().transformToUniAndConcatenate(this::sweep)
                .collect().asList()
                .map(done -> (int) done.stream().filter(Boolean::booleanValue).count());
    }

    private Uni<Boolean> sweep(StorageSweep sweep) {
        return objects.deletePrefix(sweep.bucket, sweep.prefix)
                .chain(() -> Panache.withTransaction(() -> sweeps.deleteById(sweep.id)))
                .replaceWith(true)
                .onFailure().recoverWithItem(e -> {
                    LOG.warnf("sweeping %s/%s failed (attempt %d), retried later: %s", sweep.bucket, sweep.prefix,
                            sweep.attempts, e.getMessage());
                    return false;
                });
    }
}
