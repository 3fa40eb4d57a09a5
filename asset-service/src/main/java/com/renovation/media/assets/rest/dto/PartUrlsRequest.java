package com.renovation.media.assets.rest.dto;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;

/** {@code POST /assets/{id}/parts}: the parts whose URLs to sign again (after theirs expired, or to resume). */
public record PartUrlsRequest(@NotEmpty @Size(max = 10_000) List<@NotNull @Positive Integer> partNumbers) {
}
