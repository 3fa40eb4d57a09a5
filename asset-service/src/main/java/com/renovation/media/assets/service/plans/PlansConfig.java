package com.renovation.media.assets.service.plans;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;

/**
 * Plans and their limits ({@code platform.plans.*}). The per-plan limits have their one home in
 * application.properties (three groups of the same shape cannot carry different defaults here).
 */
@ConfigMapping(prefix = "platform.plans")
public interface PlansConfig {

    /** The token claim that names a user's plan. */
    @WithDefault("plan")
    String claim();

    /** The plan of a user without an override whose token names none. */
    @WithName("default")
    @WithDefault("free")
    PlanTier defaultPlan();

    /** How often the near-quota gauge is recounted. */
    @WithDefault("1m")
    Duration gaugeRefresh();

    /** Share of the storage quota above which a user counts as near it. */
    @WithDefault("0.8")
    double nearQuotaRatio();

    Limits free();

    Limits pro();

    Limits enterprise();

    default Limits limits(PlanTier plan) {
        return switch (plan) {
            case FREE -> free();
            case PRO -> pro();
            case ENTERPRISE -> enterprise();
        };
    }

    interface Limits {

        /** Bytes of originals, variants and documents together. */
        long storageBytes();

        /** Project sessions; absent = unlimited. */
        OptionalInt sessions();

        /** Versions of one document kept; absent = all. */
        OptionalInt documentVersions();

        /** Largest single upload of an image, PDF or document. */
        long maxUploadBytes();

        /** Largest single video (within {@code platform.uploads.max-video-bytes}). */
        long maxVideoBytes();

        /** The variant formats made of the user's images (jpeg, webp, avif). */
        List<String> variantFormats();
    }
}
