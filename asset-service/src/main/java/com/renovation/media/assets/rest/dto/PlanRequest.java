package com.renovation.media.assets.rest.dto;

import com.renovation.media.assets.service.plans.PlanTier;
import jakarta.validation.constraints.NotNull;

/** {@code PUT /admin/users/{sub}/plan}: the plan an admin puts the user on, whatever their token says. */
public record PlanRequest(@NotNull PlanTier plan) {
}
