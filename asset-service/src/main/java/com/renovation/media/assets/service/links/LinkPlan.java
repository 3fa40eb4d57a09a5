package com.renovation.media.assets.service.links;

import com.renovation.media.assets.repository.LinkKind;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/** A link request that passed {@link LinkRules}: defaults applied, exactly one kind of target. */
public record LinkPlan(LinkKind kind, List<UUID> assetIds, UUID collectionId, Duration expiresIn, int maxDownloads) {

    public boolean forCollection() {
        return collectionId != null;
    }
}
