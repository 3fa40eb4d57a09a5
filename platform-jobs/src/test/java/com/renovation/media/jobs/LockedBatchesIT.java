package com.renovation.media.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The three steps of a locked-batch job against real PostgreSQL, a run dying between them, and the schedule. */
@QuarkusTest
class LockedBatchesIT {

    @Inject
    LockedBatches jobs;

    @Inject
    ChoreJob.OnDemand job;

    @Inject
    ChoreJob.Scheduled scheduled;

    private List<UUID> chores(String kind, int count, Instant dueAt) throws Throwable {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Chore chore = Chore.due(kind, dueAt);
            ids.add(chore.id);
            VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(chore::persist));
        }
        return ids;
    }

    private static long left(List<UUID> ids) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> Chore.count("id in ?1", ids)));
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void batchesAreClaimedThenWorkedOnOutsideAnyTransactionThenFinishedUntilNoneIsDue() throws Throwable {
        Instant now = Instant.now();
        List<UUID> due = chores(job.kind, 5, now.minusSeconds(60));
        List<UUID> notYetDue = chores(job.kind, 1, now.plusSeconds(3600));

        int done = VertxContextSupport.subscribeAndAwait(() -> jobs.run(job, now));

        assertThat(done).isEqualTo(5);
        assertThat(job.worked).containsExactlyInAnyOrderElementsOf(due);
        assertThat(job.rowsFreeDuringWork).as("one entry per batch of 2").hasSize(3)
                .as("the claim's transaction had committed").containsOnly(true);
        assertThat(left(due)).isZero();
        assertThat(left(notYetDue)).isEqualTo(1);
    }

    @Test
    void whatARunClaimedBeforeDyingIsTakenAgainOnceTheLeaseHasPassed() throws Throwable {
        Instant now = Instant.now();
        List<UUID> due = chores(job.kind, 2, now.minusSeconds(60));
        job.crashInWork = true;
        try {
            assertThatThrownBy(() -> VertxContextSupport.subscribeAndAwait(() -> jobs.run(job, now)))
                    .hasMessageContaining("the replica died");
        } finally {
            job.crashInWork = false;
        }
        assertThat(left(due)).isEqualTo(2);

        int beforeLease = VertxContextSupport.subscribeAndAwait(() -> jobs.run(job, now.plusSeconds(60)));
        assertThat(beforeLease).as("still claimed by the run that died").isZero();

        int afterLease = VertxContextSupport.subscribeAndAwait(() ->
                jobs.run(job, now.plus(LockedBatchJob.LEASE).plusSeconds(1)));
        assertThat(afterLease).isEqualTo(2);
        assertThat(job.worked).containsAll(due);
        assertThat(left(due)).isZero();
    }

    @Test
    void theSchedulerRunsEveryJobAndAFailedRunDoesNotStopTheNextOnes() throws Throwable {
        List<UUID> due = chores(scheduled.kind, 3, Instant.now().minusSeconds(60));

        await().atMost(Duration.ofSeconds(30)).until(() -> left(due) == 0);

        assertThat(scheduled.claims.get()).as("the first claim failed, later runs went on").isGreaterThan(1);
        assertThat(scheduled.worked).containsAll(due);
    }
}
