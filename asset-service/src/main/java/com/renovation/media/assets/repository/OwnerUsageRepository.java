package com.renovation.media.assets.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * The {@code owner_usage} counters (kept by triggers on the rows they count) and the {@code user_plans} rows:
 * an admin's override and the plan a user's token named when last seen.
 */
@ApplicationScoped
public class OwnerUsageRepository {

    /** What a user holds: bytes of originals, variants and documents, and project sessions. */
    public record Usage(long storageBytes, int sessions) {
        public static final Usage NONE = new Usage(0, 0);
    }

    /** A user's stored plans, by name; either may be null. */
    public record StoredPlans(String override, String claim) {
        public static final StoredPlans NONE = new StoredPlans(null, null);
    }

    /** A plan and how many users on it are above a storage threshold. */
    public record Threshold(String plan, long bytes) {
    }

    public Uni<Usage> usage(String ownerId) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "SELECT storage_bytes, sessions FROM owner_usage WHERE owner_id = :owner", Object[].class)
                .setParameter("owner", ownerId).getResultList())
                .map(OwnerUsageRepository::first);
    }

    /**
     * The user's counters, row-locked until the transaction ends: the per-owner lock under which a quota is
     * checked and the counted row inserted, so concurrent reservations see each other's rows.
     */
    public Uni<Usage> lock(String ownerId) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "INSERT INTO owner_usage (owner_id) VALUES (:owner) ON CONFLICT (owner_id) DO NOTHING")
                .setParameter("owner", ownerId).executeUpdate()
                .chain(() -> s.createNativeQuery("SELECT storage_bytes, sessions FROM owner_usage"
                        + " WHERE owner_id = :owner FOR UPDATE", Object[].class)
                        .setParameter("owner", ownerId).getResultList()))
                .map(OwnerUsageRepository::first);
    }

    public Uni<StoredPlans> plans(String ownerId) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "SELECT override_plan, claim_plan FROM user_plans WHERE owner_id = :owner", Object[].class)
                .setParameter("owner", ownerId).getResultList())
                .map(rows -> rows.isEmpty() ? StoredPlans.NONE
                        : new StoredPlans((String) rows.get(0)[0], (String) rows.get(0)[1]));
    }

    /** Remembers the plan the user's token names now (null: none); writes only when it changed. */
    public Uni<Void> rememberClaim(String ownerId, String claimPlan) {
        return Panache.getSession().chain(s -> s.createNativeQuery("INSERT INTO user_plans (owner_id, claim_plan)"
                        + " VALUES (:owner, :claim) ON CONFLICT (owner_id) DO UPDATE"
                        + " SET claim_plan = excluded.claim_plan, updated_at = now()"
                        + " WHERE user_plans.claim_plan IS DISTINCT FROM excluded.claim_plan")
                .setParameter("owner", ownerId).setParameter("claim", claimPlan).executeUpdate())
                .replaceWithVoid();
    }

    /** Sets or (with null) clears an admin's override. */
    public Uni<Void> override(String ownerId, String plan) {
        return Panache.getSession().chain(s -> s.createNativeQuery("INSERT INTO user_plans (owner_id, override_plan)"
                        + " VALUES (:owner, :plan) ON CONFLICT (owner_id) DO UPDATE"
                        + " SET override_plan = excluded.override_plan, updated_at = now()")
                .setParameter("owner", ownerId).setParameter("plan", plan).executeUpdate())
                .replaceWithVoid();
    }

    /**
     * Per plan, how many users hold more than its threshold; a user's plan is their override, else the claim
     * last seen, else {@code defaultPlan}.
     */
    public Uni<List<Object[]>> countAbove(List<Threshold> thresholds, String defaultPlan) {
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < thresholds.size(); i++) {
            values.append(i == 0 ? "" : ", ").append("(cast(:plan").append(i).append(" AS text), cast(:bytes")
                    .append(i).append(" AS bigint))");
        }
        String sql = "SELECT t.plan, count(u.owner_id) FROM (VALUES " + values + ") AS t(plan, bytes)"
                + " LEFT JOIN (SELECT o.owner_id, o.storage_bytes,"
                + " coalesce(p.override_plan, p.claim_plan, cast(:default AS text)) AS plan"
                + " FROM owner_usage o LEFT JOIN user_plans p ON p.owner_id = o.owner_id) u"
                + " ON u.plan = t.plan AND u.storage_bytes > t.bytes GROUP BY t.plan";
        return Panache.getSession().chain(s -> {
            var query = s.createNativeQuery(sql, Object[].class).setParameter("default", defaultPlan);
            for (int i = 0; i < thresholds.size(); i++) {
                query.setParameter("plan" + i, thresholds.get(i).plan())
                        .setParameter("bytes" + i, thresholds.get(i).bytes());
            }
            return query.getResultList();
        });
    }

    private static Usage first(List<Object[]> rows) {
        return rows.isEmpty() ? Usage.NONE
                : new Usage(((Number) rows.get(0)[0]).longValue(), ((Number) rows.get(0)[1]).intValue());
    }
}
