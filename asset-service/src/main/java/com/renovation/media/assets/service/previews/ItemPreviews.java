package com.renovation.media.assets.service.previews;

import com.renovation.media.assets.repository.AssetVariant;
import com.renovation.media.assets.repository.AssetVariantRepository;
import com.renovation.media.assets.repository.CatalogImage;
import com.renovation.media.assets.rest.dto.AssetView.VariantView;
import com.renovation.media.contracts.variants.VariantStatus;
import com.renovation.media.storage.layout.Buckets;
import com.renovation.media.storage.cdn.VariantUrls;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The signed variant URLs of many items at once (library, collections, share links, an asset's own view): one query
 * for all the assets' variants, catalog images from their projected row. Only ready variants are signed, on the CDN
 * when one is configured ({@link VariantUrls}); never an original.
 */
@ApplicationScoped
public class ItemPreviews {

    private final AssetVariantRepository variants;
    private final VariantUrls urls;

    public ItemPreviews(AssetVariantRepository variants, VariantUrls urls) {
        this.variants = variants;
        this.urls = urls;
    }

    /** Each asset's ready variants (an asset without any maps to an empty list). Needs a session. */
    public Uni<Map<UUID, List<VariantView>>> ofAssets(Collection<UUID> assetIds) {
        return variants.ofAssets(List.copyOf(assetIds)).map(rows -> {
            Map<UUID, List<AssetVariant>> byAsset = new HashMap<>();
            assetIds.forEach(id -> byAsset.put(id, new ArrayList<>()));
            rows.forEach(v -> byAsset.get(v.parentAssetId).add(v));
            Map<UUID, List<VariantView>> signed = new HashMap<>();
            byAsset.forEach((id, list) -> signed.put(id, ready(list)));
            return signed;
        });
    }

    /** The ready ones of an asset's variants, each with its own signed URL. */
    public List<VariantView> ready(List<AssetVariant> of) {
        return of.stream()
                .filter(v -> v.processingStatus == VariantStatus.READY && v.storagePath != null)
                .map(v -> new VariantView(v.variantType, v.format, v.width, v.height, v.fileSize, v.contentType,
                        urls.of(Buckets.USER_UPLOADS, v.storagePath).url()))
                .toList();
    }

    public List<VariantView> ofCatalogImage(CatalogImage image) {
        return image.variants.stream()
                .map(v -> new VariantView(v.variantType(), v.format(), v.width(), v.height(), v.fileSize(),
                        v.contentType(), urls.of(image.bucket, v.key()).url()))
                .toList();
    }
}
