package com.renovation.media.assets.rest.dto;

import com.renovation.media.assets.repository.LinkKind;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/** Bodies of {@code /links}. */
public final class LinkRequests {
    private LinkRequests() {
    }

    /**
     * A new link: to {@code assetIds} (single: exactly one; zip and share: up to the configured maximum) or to a
     * {@code collectionId}, for {@code expiresIn} (ISO-8601, e.g. P7D) and at most {@code maxDownloads} downloads.
     */
    public record CreateLink(@NotNull LinkKind kind, List<UUID> assetIds, UUID collectionId, Duration expiresIn,
            Integer maxDownloads) {
    }
}
