package com.renovation.media.assets.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class StorageSweepRepository implements PanacheRepositoryBase<StorageSweep, UUID> {

    /**
     * Claims due sweeps for {@code lease}: their due time moves past it, so a replica that dies mid-sweep leaves
     * them to be retried, and replicas claiming at once take disjoint rows (SKIP LOCKED). No S3 call happens while
     * the rows are locked.
     */
    @SuppressWarnings("unchecked")
    public Uni<List<StorageSweep>> claimDue(Instant now, Duration lease, int limit) {
        return getSession().chain(s -> s.createNativeQuery("UPDATE storage_sweeps SET due_at = :leaseEnd,"
                + " attempts = attempts + 1 WHERE id IN (SELECT id FROM storage_sweeps WHERE due_at <= :now"
                + " ORDER BY due_at LIMIT :limit FOR UPDATE SKIP LOCKED) RETURNING *", StorageSweep.class)
                .setParameter("leaseEnd", now.plus(lease))
                .setParameter("now", now)
                .setParameter("limit", limit)
                .getResultList());
    }
}
