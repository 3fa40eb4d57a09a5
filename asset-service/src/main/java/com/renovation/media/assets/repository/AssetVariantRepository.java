package com.renovation.media.assets.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class AssetVariantRepository implements PanacheRepositoryBase<AssetVariant, UUID> {

    /** The order {@link #ofAsset} lists an asset's variants in, for a list completed in memory. */
    public static final Comparator<AssetVariant> ORDER = Comparator.comparing((AssetVariant v) -> v.variantType)
            .thenComparing(v -> v.format);

    public Uni<List<AssetVariant>> ofAsset(UUID assetId) {
        return list("parentAssetId = ?1 order by variantType, format", assetId);
    }

    public Uni<List<AssetVariant>> ofAssets(List<UUID> assetIds) {
        return assetIds.isEmpty() ? Uni.createFrom().item(List.of())
                : list("parentAssetId in ?1 order by variantType, format", assetIds);
    }
}
