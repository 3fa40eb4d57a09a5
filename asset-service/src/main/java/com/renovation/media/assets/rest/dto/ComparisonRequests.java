package com.renovation.media.assets.rest.dto;

import com.renovation.media.assets.repository.AssetComparison;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;

/** Bodies and views of {@code /rooms/{id}/comparisons}. */
public final class ComparisonRequests {
    private ComparisonRequests() {
    }

    public record CreateComparison(@NotNull UUID beforeAssetId, @NotNull UUID afterAssetId,
            @Size(max = 200) String title, @Size(max = 2000) String description,
            @Min(0) @Max(1_000_000) Integer displayOrder) {
    }

    public record ComparisonView(UUID id, UUID sessionId, UUID roomId, UUID beforeAssetId, UUID afterAssetId,
            String title, String description, int displayOrder, Instant createdAt) {
        public static ComparisonView of(AssetComparison c) {
            return new ComparisonView(c.id, c.sessionId, c.roomId, c.beforeAssetId, c.afterAssetId, c.title,
                    c.description, c.displayOrder, c.createdAt);
        }
    }
}
