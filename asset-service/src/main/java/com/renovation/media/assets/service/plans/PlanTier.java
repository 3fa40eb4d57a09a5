package com.renovation.media.assets.service.plans;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The plans a user can be on; their limits are configuration ({@link PlansConfig}). */
public enum PlanTier {
    FREE, PRO, ENTERPRISE;

    /** The name in tokens, JSON and the database. */
    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The plan a claim or request names, if it names one. */
    public static Optional<PlanTier> named(String value) {
        return value == null ? Optional.empty()
                : Arrays.stream(values()).filter(plan -> plan.value().equals(value.strip().toLowerCase(Locale.ROOT)))
                        .findFirst();
    }

    @JsonCreator
    static PlanTier fromJson(String value) {
        return named(value).orElseThrow(() -> new IllegalArgumentException(
                "unknown plan " + value + "; one of free, pro, enterprise"));
    }
}
