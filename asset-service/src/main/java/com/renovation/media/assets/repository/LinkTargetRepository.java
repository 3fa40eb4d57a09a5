package com.renovation.media.assets.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** What a link opens: the assets it names, or the items of its collection, read when it is opened. */
@ApplicationScoped
public class LinkTargetRepository {

    /** One item of a collection, in the collection's order: an asset or a catalog image, and its custom title. */
    public record CollectionEntry(UUID assetId, UUID styleImageId, String customTitle) {
    }

    /** The link's assets in the order it named them (those still there). */
    @SuppressWarnings("unchecked")
    public Uni<List<RoomAsset>> assetsOf(UUID linkId) {
        return Panache.getSession().chain(s -> s.createNativeQuery("SELECT ra.* FROM link_assets la"
                + " JOIN room_assets ra ON ra.id = la.asset_id WHERE la.link_id = :link ORDER BY la.position",
                RoomAsset.class).setParameter("link", linkId).getResultList());
    }

    /** The collection's items in its order. */
    @SuppressWarnings("unchecked")
    public Uni<List<CollectionEntry>> collectionEntries(UUID collectionId) {
        return Panache.getSession().chain(s -> s.createNativeQuery("SELECT li.asset_id, li.style_image_id,"
                + " li.custom_title FROM collection_items ci JOIN library_items li ON li.id = ci.library_item_id"
                + " WHERE ci.collection_id = :collection ORDER BY ci.position, ci.library_item_id", Object[].class)
                .setParameter("collection", collectionId).getResultList())
                .map(rows -> ((List<Object[]>) (List<?>) rows).stream()
                        .map(r -> new CollectionEntry((UUID) r[0], (UUID) r[1], (String) r[2])).toList());
    }

    /** The collection's owner, if the collection exists. */
    @SuppressWarnings("unchecked")
    public Uni<Optional<String>> collectionOwner(UUID collectionId) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                "SELECT owner_id FROM collections WHERE id = :id", String.class)
                .setParameter("id", collectionId).getSingleResultOrNull())
                .map(owner -> Optional.ofNullable((String) owner));
    }
}
