package com.renovation.media.assets.repository;

import com.renovation.media.web.paging.SortKey;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.hibernate.LockMode;

@ApplicationScoped
public class UserCollectionRepository implements PanacheRepositoryBase<UserCollection, UUID> {

    /**
     * The collection, row-locked for the rest of the transaction: changes of its items queue here, so the
     * item limit and the positions stay right under concurrent requests.
     */
    public Uni<UserCollection> lock(UUID id) {
        return getSession().chain(s -> s.find(UserCollection.class, id, LockMode.PESSIMISTIC_WRITE));
    }

    /**
     * Locks, in id order, every collection holding the library item, before the item is deleted: adding an item
     * locks its collection, then the item (the foreign key's check); deleting it the other way round would
     * deadlock with a concurrent add, so deletion takes the collections first too.
     */
    public Uni<Void> lockHolding(UUID libraryItemId) {
        return getSession().chain(s -> s.createNativeQuery("SELECT c.id FROM collections c WHERE c.id IN"
                        + " (SELECT collection_id FROM collection_items WHERE library_item_id = :item)"
                        + " ORDER BY c.id FOR UPDATE", UUID.class)
                .setParameter("item", libraryItemId).getResultList()).replaceWithVoid();
    }

    /** Reads the trigger-maintained item count again after this transaction changed the items. */
    public Uni<UserCollection> reload(UserCollection collection) {
        return getSession().chain(s -> s.flush().chain(() -> s.refresh(collection))).replaceWith(collection);
    }

    public Uni<Long> countOfOwner(String ownerId) {
        return count("ownerId", ownerId);
    }

    /** An owner's collections, newest first, after the cursor; limit + 1 rows. */
    public Uni<List<UserCollection>> pageOfOwner(String ownerId, SortKey after, int limit) {
        return newestFirst("ownerId = :owner", Parameters.with("owner", ownerId), after, limit);
    }

    /** Public collections (optionally with a tag), newest first, after the cursor; limit + 1 rows. */
    public Uni<List<UserCollection>> pageOfPublic(String tag, SortKey after, int limit) {
        Parameters params = Parameters.with("public", CollectionVisibility.PUBLIC);
        String query = "visibility = :public";
        if (tag != null) {
            query += " and array_position(tags, :tag) > 0"; // see LibraryItemRepository.pageOfOwner
            params.and("tag", tag);
        }
        return newestFirst(query, params, after, limit);
    }

    /** The collection at a public address: unlisted or public ones only. */
    public Uni<UserCollection> reachableBySlug(String slug) {
        return find("slug = ?1 and visibility in ?2", slug,
                List.of(CollectionVisibility.UNLISTED, CollectionVisibility.PUBLIC)).firstResult();
    }

    private Uni<List<UserCollection>> newestFirst(String query, Parameters params, SortKey after, int limit) {
        if (after != null) {
            query += " and (createdAt < :created or (createdAt = :created and id < :id))";
            params.and("created", after.createdAt()).and("id", after.id());
        }
        return find(query + " order by createdAt desc, id desc", params).range(0, limit).list();
    }
}
