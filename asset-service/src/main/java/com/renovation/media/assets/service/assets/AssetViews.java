package com.renovation.media.assets.service.assets;

import com.renovation.media.assets.repository.AssetVariant;
import com.renovation.media.assets.repository.RoomAsset;
import com.renovation.media.assets.rest.dto.AssetView;
import com.renovation.media.assets.service.previews.ItemPreviews;
import com.renovation.media.storage.layout.Buckets;
import com.renovation.media.storage.s3.PresignedUrls;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Builds what clients see of an asset: signed URLs only for bytes that passed their checks. */
@ApplicationScoped
public class AssetViews {

    private final PresignedUrls urls;
    private final ItemPreviews previews;

    public AssetViews(PresignedUrls urls, ItemPreviews previews) {
        this.urls = urls;
        this.previews = previews;
    }

    public AssetView of(RoomAsset asset, List<AssetVariant> variants) {
        // only bytes that passed confirm are served (a failed variant run leaves a servable original)
        if (asset.confirmedAt == null) {
            return AssetView.of(asset, null, null, List.of());
        }
        PresignedUrls.SignedUrl download = urls.download(Buckets.USER_UPLOADS, asset.storagePath,
                asset.originalFilename, asset.contentType);
        return AssetView.of(asset, download.url(), download.expiresAt(), previews.ready(variants));
    }
}
