package com.renovation.media.jobs;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A job over the chores of one kind, as the services' jobs are built: the claim leases the rows, the work stands
 * for S3 calls, the finish deletes the rows. It records, during each work step, whether another transaction could
 * lock the claimed rows at once (it cannot while the claiming transaction is still open).
 */
abstract class ChoreJob implements LockedBatchJob<UUID> {

    final String kind = getClass().getSimpleName() + "-" + UUID.randomUUID();
    final List<Boolean> rowsFreeDuringWork = new CopyOnWriteArrayList<>();
    final List<UUID> worked = new CopyOnWriteArrayList<>();
    volatile boolean crashInWork;


    @Override
    @SuppressWarnings("unchecked")
    public Uni<List<UUID>> claim(Instant now, int limit) {
        return Panache.getSession().chain(s -> s.createNativeQuery("UPDATE chores SET due_at = :leaseEnd"
                + " WHERE id IN (SELECT id FROM chores WHERE kind = :kind AND due_at <= :now ORDER BY due_at"
                + " LIMIT :limit FOR UPDATE SKIP LOCKED) RETURNING id", UUID.class)
                .setParameter("leaseEnd", now.plus(LEASE))
                .setParameter("kind", kind)
                .setParameter("now", now)
                .setParameter("limit", limit)
                .getResultList());
    }

    @Override
    public Uni<List<UUID>> work(List<UUID> claimed) {
        return Panache.withTransaction(() -> Panache.getSession().chain(s -> s.createNativeQuery(
                        "SELECT id FROM chores WHERE id IN (:ids) FOR UPDATE NOWAIT", UUID.class)
                        .setParameter("ids", claimed).getResultList()))
                .map(locked -> true).onFailure().recoverWithItem(false)
                .invoke(rowsFreeDuringWork::add)
                .chain(() -> crashInWork ? Uni.createFrom().failure(new IllegalStateException("the replica died"))
                        : Uni.createFrom().item(claimed))
                .invoke(worked::addAll);
    }

    @Override
    public Uni<Void> finish(List<UUID> done) {
        return Chore.delete("id in ?1", done).replaceWithVoid();
    }

    /** Runs only when a test asks: its interval is longer than any test run. Singleton: tests read its fields. */
    @Singleton
    static class OnDemand extends ChoreJob {
        @Override
        public Schedule schedule() {
            return new Schedule(kind, Duration.ofHours(1), 2, Duration.ofHours(1));
        }
    }

    /** Run by the scheduler every second; its first claim fails, as a database outage would make it. */
    @Singleton
    static class Scheduled extends ChoreJob {
        final AtomicInteger claims = new AtomicInteger();

        @Override
        public Schedule schedule() {
            return new Schedule(kind, Duration.ofSeconds(1), 2, Duration.ZERO);
        }

        @Override
        public Uni<List<UUID>> claim(Instant now, int limit) {
            return claims.incrementAndGet() == 1 ? Uni.createFrom().failure(new IllegalStateException("no database"))
                    : super.claim(now, limit);
        }
    }
}
