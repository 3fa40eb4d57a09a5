package com.renovation.media.jobs;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Schedules and runs every {@link LockedBatchJob}: each on its own interval, never twice at once in one replica,
 * batches claimed, worked on and finished as the interface describes. A failed run is logged and left to the next
 * one: whatever it claimed comes due again when the lease has passed.
 */
@ApplicationScoped
public class LockedBatches {

    private static final Logger LOG = Logger.getLogger(LockedBatches.class);

    private final Scheduler scheduler;
    private final Instance<LockedBatchJob<?>> jobs;

    public LockedBatches(Scheduler scheduler, Instance<LockedBatchJob<?>> jobs) {
        this.scheduler = scheduler;
        this.jobs = jobs;
    }

    void onStart(@Observes StartupEvent event) {
        for (LockedBatchJob<?> job : jobs) {
            LockedBatchJob.Schedule schedule = job.schedule();
            scheduler.newJob(schedule.name())
                    .setInterval(schedule.interval().toString())
                    .setDelayed(schedule.initialDelay().toString())
                    .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
                    .setAsyncTask(execution -> scheduled(job))
                    .schedule();
        }
    }

    /** One run as the scheduler makes it: the outcome is logged, a failure never propagates. */
    Uni<Void> scheduled(LockedBatchJob<?> job) {
        String name = job.schedule().name();
        return run(job, Instant.now()).invoke(done -> {
            if (done > 0) {
                LOG.infof("%s: removed %d", name, done);
            }
        }).onFailure().invoke(e -> LOG.warnf("%s failed, the next run tries again: %s", name, e.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** One run at {@code now}: batches until one comes back short, then the job's after-batches work. */
    public <T> Uni<Integer> run(LockedBatchJob<T> job, Instant now) {
        return batches(job, now, 0).chain(done -> job.afterBatches(now).map(more -> done + more));
    }

    private <T> Uni<Integer> batches(LockedBatchJob<T> job, Instant now, int doneSoFar) {
        int limit = job.schedule().batchSize();
        return Panache.withTransaction(() -> job.claim(now, limit)).chain(claimed -> {
            if (claimed.isEmpty()) {
                return Uni.createFrom().item(doneSoFar);
            }
            return job.work(claimed).call(done -> finish(job, done)).chain(done -> claimed.size() < limit
                    ? Uni.createFrom().item(doneSoFar + done.size())
                    : batches(job, now, doneSoFar + done.size()));
        });
    }

    private static <T> Uni<Void> finish(LockedBatchJob<T> job, List<T> done) {
        return done.isEmpty() ? Uni.createFrom().voidItem() : Panache.withTransaction(() -> job.finish(done));
    }
}
