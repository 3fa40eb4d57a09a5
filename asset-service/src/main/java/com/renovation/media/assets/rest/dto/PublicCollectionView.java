package com.renovation.media.assets.rest.dto;

import com.renovation.media.assets.repository.UserCollection;
import java.time.Instant;
import java.util.List;

/**
 * What anyone holding a collection's address sees: never an id, an owner or an original. {@link Summary} is an
 * entry of the public listing; the view itself carries a page of the items.
 */
public record PublicCollectionView(String slug, String name, String description, List<String> tags,
        int itemCount, String coverUrl, List<PublicItemView> items, String nextCursor) {

    public record Summary(String slug, String name, String description, List<String> tags, int itemCount,
            String coverUrl, Instant createdAt) {

        public static Summary of(UserCollection c, String coverUrl) {
            return new Summary(c.slug, c.name, c.description, List.of(c.tags), c.itemCount, coverUrl, c.createdAt);
        }
    }
}
