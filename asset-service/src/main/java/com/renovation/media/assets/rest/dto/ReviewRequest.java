package com.renovation.media.assets.rest.dto;

import com.renovation.media.assets.service.reviews.RenderReview;
import com.renovation.media.assets.service.reviews.ReviewDecision;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** {@code POST /assets/{id}/review}: the decision, and a note (required when rejecting). */
public record ReviewRequest(@NotNull ReviewDecision decision, @Size(max = RenderReview.MAX_NOTE) String note) {
}
