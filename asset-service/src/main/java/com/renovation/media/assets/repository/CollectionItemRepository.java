package com.renovation.media.assets.repository;

import com.renovation.media.web.paging.SortKey;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class CollectionItemRepository implements PanacheRepositoryBase<CollectionItem, CollectionItem.Key> {

    /** The collection's items in its order (position, then when added), after the cursor; limit + 1 rows. */
    public Uni<List<CollectionItem>> pageOfCollection(UUID collectionId, SortKey after, int limit) {
        String query = "collectionId = :collection";
        Parameters params = Parameters.with("collection", collectionId);
        if (after != null) {
            query += " and (position > :position or (position = :position and (addedAt > :added"
                    + " or (addedAt = :added and libraryItemId > :id))))";
            params.and("position", (int) after.order()).and("added", after.createdAt()).and("id", after.id());
        }
        return find(query + " order by position, addedAt, libraryItemId", params).range(0, limit).list();
    }

    public Uni<List<CollectionItem>> allOf(UUID collectionId) {
        return list("collectionId", collectionId);
    }

    /** The position after the last item's (0 for an empty collection). */
    public Uni<Integer> nextPosition(UUID collectionId) {
        return getSession().chain(s -> s.createSelectionQuery("select coalesce(max(position) + 1, 0)"
                + " from CollectionItem where collectionId = :collection", Integer.class)
                .setParameter("collection", collectionId).getSingleResult());
    }

    public Uni<Boolean> remove(UUID collectionId, UUID libraryItemId) {
        return delete("collectionId = ?1 and libraryItemId = ?2", collectionId, libraryItemId).map(n -> n > 0);
    }
}
