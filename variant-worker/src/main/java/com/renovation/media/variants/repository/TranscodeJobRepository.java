package com.renovation.media.variants.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * The transcode jobs. Leases are measured by the database's clock, so replicas whose clocks differ agree on
 * when a lease has run out; every change a worker makes to a claimed job names the claim it holds, so a worker
 * whose job was taken over (its lease ran out) changes nothing.
 */
@ApplicationScoped
public class TranscodeJobRepository implements PanacheRepositoryBase<TranscodeJob, UUID> {

    private static final String HELD = " WHERE source_id = :id AND claim_id = :claim AND status = 'pending'";

    /** Queues the job unless the video has one already (a redelivered confirm); in the caller's transaction. */
    public Uni<Void> enqueue(TranscodeJob job) {
        return findById(job.sourceId).chain(found -> found != null ? Uni.createFrom().voidItem()
                : persist(job).replaceWithVoid());
    }

    /**
     * In a transaction: takes the oldest pending job nobody holds (or whose holder's lease ran out), counting the
     * attempt, under a new claim; answers its source id, or null when there is none.
     */
    public Uni<UUID> claimNext(UUID claim, Duration lease) {
        return getSession().chain(s -> s.createNativeQuery("UPDATE transcode_jobs SET claim_id = :claim,"
                + " attempts = attempts + 1, lease_until = now() + make_interval(secs => :lease), updated_at = now()"
                + " WHERE source_id = (SELECT source_id FROM transcode_jobs WHERE status = 'pending'"
                + " AND (lease_until IS NULL OR lease_until < now()) ORDER BY created_at LIMIT 1"
                + " FOR UPDATE SKIP LOCKED) RETURNING source_id", UUID.class)
                .setParameter("claim", claim)
                .setParameter("lease", seconds(lease))
                .getResultList()).map(ids -> ids.isEmpty() ? null : ids.get(0));
    }

    /** Extends the lease of a job still held under {@code claim}; answers whether it is. */
    public Uni<Boolean> renew(UUID sourceId, UUID claim, Duration lease) {
        return update("UPDATE transcode_jobs SET lease_until = now() + make_interval(secs => :lease),"
                + " updated_at = now()" + HELD, sourceId, claim, Map.of("lease", seconds(lease)));
    }

    /** Marks the job done if still held under {@code claim}; answers whether it was. */
    public Uni<Boolean> complete(UUID sourceId, UUID claim) {
        return update("UPDATE transcode_jobs SET status = 'done', claim_id = NULL, lease_until = NULL,"
                + " last_error = NULL, updated_at = now()" + HELD, sourceId, claim, Map.of());
    }

    /** Hands a failed attempt's job back for another one, if still held under {@code claim}. */
    public Uni<Boolean> release(UUID sourceId, UUID claim, String error) {
        return update("UPDATE transcode_jobs SET claim_id = NULL, lease_until = NULL, last_error = :error,"
                + " updated_at = now()" + HELD, sourceId, claim, Map.of("error", error));
    }

    /** Hands the job back without counting the attempt (its worker is stopping), if still held under {@code claim}. */
    public Uni<Boolean> handBack(UUID sourceId, UUID claim) {
        return update("UPDATE transcode_jobs SET claim_id = NULL, lease_until = NULL, attempts = attempts - 1,"
                + " updated_at = now()" + HELD, sourceId, claim, Map.of());
    }

    /** Gives the job up after its last attempt, if still held under {@code claim}. */
    public Uni<Boolean> giveUp(UUID sourceId, UUID claim, String error) {
        return update("UPDATE transcode_jobs SET status = 'failed', claim_id = NULL, lease_until = NULL,"
                + " last_error = :error, updated_at = now()" + HELD, sourceId, claim, Map.of("error", error));
    }

    /** Forgets the jobs of a deleted source. */
    public Uni<Void> forgetSource(UUID sourceId) {
        return delete("sourceId", sourceId).replaceWithVoid();
    }

    /** Forgets the jobs of an erased session. */
    public Uni<Void> forgetSession(UUID sessionId) {
        return delete("sessionId", sessionId).replaceWithVoid();
    }

    private Uni<Boolean> update(String sql, UUID sourceId, UUID claim, Map<String, Object> more) {
        return getSession().chain(s -> {
            var query = s.createNativeQuery(sql).setParameter("id", sourceId).setParameter("claim", claim);
            more.forEach(query::setParameter);
            return query.executeUpdate();
        }).map(n -> n > 0);
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}
