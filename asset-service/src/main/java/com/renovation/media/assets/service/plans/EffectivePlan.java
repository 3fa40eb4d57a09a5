package com.renovation.media.assets.service.plans;

/** The plan a user is on now, and why. */
public record EffectivePlan(PlanTier plan, PlanSource source) {
}
