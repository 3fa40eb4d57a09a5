package com.renovation.media.assets.service.library;

import com.renovation.media.assets.repository.CatalogImage;
import com.renovation.media.assets.repository.CatalogImageRepository;
import com.renovation.media.assets.repository.LibraryItem;
import com.renovation.media.assets.repository.LibraryItemKind;
import com.renovation.media.assets.repository.LibraryItemRepository;
import com.renovation.media.assets.repository.RoomAsset;
import com.renovation.media.assets.repository.RoomAssetRepository;
import com.renovation.media.assets.rest.dto.AssetView.VariantView;
import com.renovation.media.assets.rest.dto.LibraryItemView;
import com.renovation.media.assets.rest.dto.PublicItemView;
import com.renovation.media.assets.service.previews.ItemPreviews;
import com.renovation.media.storage.layout.Buckets;
import com.renovation.media.storage.s3.PresignedUrls;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What clients see of library items, built for many items in a few queries (their assets, the assets' ready
 * variants, their catalog images). An item whose target was erased meanwhile is left out. Needs a session.
 */
@ApplicationScoped
public class LibraryViews {

    private static final String PREVIEW_TYPE = "thumbnail";

    private final LibraryItemRepository items;
    private final RoomAssetRepository assets;
    private final CatalogImageRepository images;
    private final ItemPreviews previews;
    private final PresignedUrls urls;

    public LibraryViews(LibraryItemRepository items, RoomAssetRepository assets, CatalogImageRepository images,
            ItemPreviews previews, PresignedUrls urls) {
        this.items = items;
        this.assets = assets;
        this.images = images;
        this.previews = previews;
        this.urls = urls;
    }

    /** The owner's views of the items, in their order. */
    public Uni<List<LibraryItemView>> of(List<LibraryItem> kept) {
        return targets(kept).map(t -> kept.stream().filter(t::present).map(i -> view(i, t)).toList());
    }

    /** The public views of the items, in their order: the variants only ({@link PublicItemView}'s rules). */
    public Uni<List<PublicItemView>> publicOf(List<LibraryItem> kept) {
        return targets(kept).map(t -> kept.stream().filter(t::present).map(i -> i.kind() == LibraryItemKind.ASSET
                ? PublicItemView.ofAsset(i.customTitle, t.assets.get(i.assetId), t.variants(i))
                : PublicItemView.ofCatalogImage(i.customTitle, t.images.get(i.styleImageId), t.variants(i)))
                .toList());
    }

    /** A signed URL of each item's preview (its thumbnail, else its first variant), by item id. */
    public Uni<Map<UUID, String>> previewUrls(Collection<UUID> itemIds) {
        List<UUID> ids = itemIds.stream().filter(Objects::nonNull).distinct().toList();
        return items.byIds(ids).chain(kept -> targets(kept).map(t -> {
            Map<UUID, String> byItem = new HashMap<>();
            kept.stream().filter(t::present).forEach(i -> {
                List<VariantView> variants = t.variants(i);
                variants.stream().filter(v -> PREVIEW_TYPE.equals(v.variantType())).findFirst()
                        .or(() -> variants.stream().findFirst())
                        .ifPresent(v -> byItem.put(i.id, v.url()));
            });
            return byItem;
        }));
    }

    private LibraryItemView view(LibraryItem item, Targets t) {
        List<VariantView> variants = t.variants(item);
        List<String> tags = List.of(item.tags);
        if (item.kind() == LibraryItemKind.ASSET) {
            RoomAsset a = t.assets.get(item.assetId);
            String download = urls.download(Buckets.USER_UPLOADS, a.storagePath, a.originalFilename, a.contentType)
                    .url();
            return new LibraryItemView(item.id, LibraryItemKind.ASSET, a.id, null,
                    item.customTitle != null ? item.customTitle : a.originalFilename, item.customTitle, tags,
                    item.favourite, a.contentType, a.width, a.height, variants, download, item.createdAt,
                    item.updatedAt);
        }
        CatalogImage image = t.images.get(item.styleImageId);
        return new LibraryItemView(item.id, LibraryItemKind.STYLE_IMAGE, null, image.id,
                item.customTitle != null ? item.customTitle : image.title, item.customTitle, tags, item.favourite,
                image.contentType, image.width, image.height, variants, null, item.createdAt, item.updatedAt);
    }

    /** The kept things of some items: one query each for assets, their variants and catalog images. */
    private Uni<Targets> targets(List<LibraryItem> kept) {
        List<UUID> assetIds = kept.stream().map(i -> i.assetId).filter(Objects::nonNull).toList();
        List<UUID> imageIds = kept.stream().map(i -> i.styleImageId).filter(Objects::nonNull).toList();
        Uni<List<RoomAsset>> assetRows = assetIds.isEmpty() ? Uni.createFrom().item(List.of())
                : assets.list("id in ?1", assetIds);
        // one after the other: a reactive session runs one query at a time
        return assetRows.chain(assetList -> previews.ofAssets(assetIds)
                .chain(variants -> images.byIds(imageIds).map(imageList -> new Targets(
                        byId(assetList, a -> a.id), variants, byId(imageList, i -> i.id),
                        imageList.stream().collect(Collectors.toMap(i -> i.id, previews::ofCatalogImage))))));
    }

    private static <T> Map<UUID, T> byId(List<T> rows, Function<T, UUID> id) {
        return rows.stream().collect(Collectors.toMap(id, Function.identity()));
    }

    private record Targets(Map<UUID, RoomAsset> assets, Map<UUID, List<VariantView>> assetVariants,
            Map<UUID, CatalogImage> images, Map<UUID, List<VariantView>> imageVariants) {

        boolean present(LibraryItem item) {
            return item.assetId != null ? assets.containsKey(item.assetId) : images.containsKey(item.styleImageId);
        }

        List<VariantView> variants(LibraryItem item) {
            return item.assetId != null ? assetVariants.getOrDefault(item.assetId, List.of())
                    : imageVariants.get(item.styleImageId);
        }
    }
}
