package com.renovation.media.assets.service.plans;

import com.renovation.media.assets.repository.OwnerUsageRepository;
import com.renovation.media.assets.repository.OwnerUsageRepository.Threshold;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * {@code platform.users.near.storage.quota{plan}}: how many users on each plan hold more than the near-quota
 * share of their storage quota (the alert's input). Recounted on a schedule from the usage counters; a user's
 * plan is their override, else the plan their token named when last seen, else the default.
 */
@ApplicationScoped
public class NearQuotaGauge {

    private static final Logger LOG = Logger.getLogger(NearQuotaGauge.class);

    private final OwnerUsageRepository repository;
    private final PlansConfig config;
    private final Map<PlanTier, AtomicLong> counts = new EnumMap<>(PlanTier.class);

    public NearQuotaGauge(OwnerUsageRepository repository, PlansConfig config, MeterRegistry registry) {
        this.repository = repository;
        this.config = config;
        for (PlanTier plan : PlanTier.values()) {
            AtomicLong count = new AtomicLong();
            counts.put(plan, count);
            Gauge.builder("platform.users.near.storage.quota", count, AtomicLong::get).tag("plan", plan.value())
                    .description("users above the near-quota share of their plan's storage").register(registry);
        }
    }

    @Scheduled(every = "${platform.plans.gauge-refresh}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public Uni<Void> refresh() {
        List<Threshold> thresholds = Arrays.stream(PlanTier.values()).map(plan -> new Threshold(plan.value(),
                (long) Math.floor(config.limits(plan).storageBytes() * config.nearQuotaRatio()))).toList();
        return Panache.withSession(() -> repository.countAbove(thresholds, config.defaultPlan().value()))
                .invoke(rows -> rows.forEach(row -> PlanTier.named((String) row[0])
                        .ifPresent(plan -> counts.get(plan).set(((Number) row[1]).longValue()))))
                .replaceWithVoid()
                .onFailure().invoke(e -> LOG.debugf("near-quota gauge refresh failed: %s", e.getMessage()))
                .onFailure().recoverWithNull();
    }
}
