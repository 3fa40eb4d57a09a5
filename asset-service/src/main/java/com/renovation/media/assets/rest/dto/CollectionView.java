package com.renovation.media.assets.rest.dto;

import com.renovation.media.assets.repository.CollectionVisibility;
import com.renovation.media.assets.repository.UserCollection;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A collection as its owner sees it; coverUrl is a signed URL of the cover item's preview. */
public record CollectionView(UUID id, String slug, String name, String description,
        CollectionVisibility visibility, List<String> tags, int itemCount, UUID coverItemId, String coverUrl,
        Instant createdAt, Instant updatedAt) {

    public static CollectionView of(UserCollection c, String coverUrl) {
        return new CollectionView(c.id, c.slug, c.name, c.description, c.visibility, List.of(c.tags), c.itemCount,
                c.coverItemId, coverUrl, c.createdAt, c.updatedAt);
    }
}
