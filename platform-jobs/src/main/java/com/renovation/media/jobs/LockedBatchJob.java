package com.renovation.media.jobs;

import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A periodic job over due rows, safe with several replicas running it at once and with a run dying at any point.
 * {@link LockedBatches} schedules every bean implementing it and runs it batch by batch, each in three steps:
 * <ol>
 * <li>{@link #claim}, in a short transaction: takes up to {@code limit} due rows with {@code FOR UPDATE SKIP
 * LOCKED} (replicas take disjoint rows) and marks them, so that no other run takes them until {@link #LEASE} has
 * passed, or removes them together with a durable record of what is left to do. No network call happens here.</li>
 * <li>{@link #work}, outside any transaction: the network (S3) work on the claimed items.</li>
 * <li>{@link #finish}, in a second short transaction: forgets the items whose work is done.</li>
 * </ol>
 * A run that dies after its claim leaves the items marked; once the lease has passed a later run claims them
 * again. Work must therefore be idempotent (deleting what is already gone is).
 *
 * @param <T> what one claimed item is
 */
public interface LockedBatchJob<T> {

    /** How long claimed items stay with the run that claimed them: longer than one batch's work ever takes. */
    Duration LEASE = Duration.ofMinutes(5);

    /**
     * What the job removes (for logs, and its name in the scheduler, e.g. "abandoned uploads"), how often a replica
     * runs it and how many items one batch claims at most (a run takes batches until one comes back short). Interval
     * and batch size come from the job's {@code @ConfigMapping}, where their defaults live.
     */
    record Schedule(String name, Duration interval, int batchSize, Duration initialDelay) {

        /** The first run waits half a minute after start, while the service warms up. */
        public Schedule(String name, Duration interval, int batchSize) {
            this(name, interval, batchSize, Duration.ofSeconds(30));
        }
    }

    Schedule schedule();

    /** In a transaction: locks, with SKIP LOCKED, and marks or removes up to {@code limit} items due at {@code now}. */
    Uni<List<T>> claim(Instant now, int limit);

    /** Outside any transaction: the network work; answers the items done (the others are retried after the lease). */
    default Uni<List<T>> work(List<T> claimed) {
        return Uni.createFrom().item(claimed);
    }

    /** In a transaction: forgets the items whose work is done. */
    default Uni<Void> finish(List<T> done) {
        return Uni.createFrom().voidItem();
    }

    /**
     * Outside any transaction, once the batches are through: work no row records (a bucket swept of objects older
     * than the rows could be); answers how many things it removed.
     */
    default Uni<Integer> afterBatches(Instant now) {
        return Uni.createFrom().item(0);
    }
}
