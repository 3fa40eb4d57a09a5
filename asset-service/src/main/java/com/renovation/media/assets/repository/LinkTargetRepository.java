package com.renovation.media.assets.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What a link opens: the assets it names, or the items of its collection, read when it is opened. */
@ApplicationScoped
public class LinkTargetRepository {

    private final LinkAssetRepository linkAssets;
    private final RoomAssetRepository assets;

    public LinkTargetRepository(LinkAssetRepository linkAssets, RoomAssetRepository assets) {
        this.linkAssets = linkAssets;
        this.assets = assets;
    }

    /** One item of a collection, in the collection's order: an asset or a catalog image, and its custom title. */
    public record CollectionEntry(UUID assetId, UUID styleImageId, String customTitle) {
    }

    /** The link's assets in the order it named them (those still there). */
    public Uni<List<RoomAsset>> assetsOf(UUID linkId) {
        return linkAssets.list("linkId = ?1 order by position", linkId).chain(rows -> {
            List<UUID> ids = rows.stream().map(r -> r.assetId).toList();
            return ids.isEmpty() ? Uni.createFrom().item(List.<RoomAsset>of())
                    : assets.list("id in ?1", ids).map(found -> {
                        Map<UUID, RoomAsset> byId = found.stream()
                                .collect(Collectors.toMap(a -> a.id, Function.identity()));
                        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
                    });
        });
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
