package com.renovation.media.assets.rest.dto;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.Map;

/** {@code PATCH /assets/{id}}: only the fields present change; an empty string clears caption or alt text. */
public record AssetPatch(
        @Size(max = 2000) String caption,
        @Size(max = 2000) String altText,
        @Min(0) @Max(1_000_000) Integer displayOrder,
        Map<String, Object> metadata) {
}
