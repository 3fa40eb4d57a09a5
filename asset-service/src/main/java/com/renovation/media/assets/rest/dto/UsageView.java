package com.renovation.media.assets.rest.dto;

import com.renovation.media.assets.repository.OwnerUsageRepository.Usage;
import com.renovation.media.assets.service.plans.EffectivePlan;
import com.renovation.media.assets.service.plans.PlanTier;
import com.renovation.media.assets.service.plans.PlanSource;
import com.renovation.media.assets.service.plans.PlansConfig;
import java.util.List;

/**
 * A user's plan, what it allows and what they use of it. {@code sessionLimit} and {@code documentVersionsKept}
 * are null when unlimited; storage counts originals (pending uploads at their declared size), variants and
 * documents. {@code maxVideoBytes} is the largest video the plan takes ({@code maxUploadBytes} for every other file).
 */
public record UsageView(PlanTier plan, PlanSource planSource, long storageBytes, long storageLimitBytes, int sessions,
        Integer sessionLimit, Integer documentVersionsKept, long maxUploadBytes, List<String> variantFormats,
        double storageUsedRatio, long maxVideoBytes) {

    public static UsageView of(EffectivePlan effective, PlansConfig.Limits limits, Usage usage) {
        return new UsageView(effective.plan(), effective.source(), usage.storageBytes(), limits.storageBytes(),
                usage.sessions(), limits.sessions().isPresent() ? limits.sessions().getAsInt() : null,
                limits.documentVersions().isPresent() ? limits.documentVersions().getAsInt() : null,
                limits.maxUploadBytes(), limits.variantFormats(),
                limits.storageBytes() == 0 ? 0 : (double) usage.storageBytes() / limits.storageBytes(),
                limits.maxVideoBytes());
    }
}
