package com.renovation.media.assets.rest.dto;

import com.renovation.media.assets.repository.CatalogImage;
import com.renovation.media.assets.repository.RoomAsset;
import java.util.List;

/**
 * An item as anyone holding a public address sees it (a public collection, a share link): a title and its
 * variants' short-lived URLs. Never an id, an owner, the original file or its metadata (GPS stays private).
 */
public record PublicItemView(String title, Integer width, Integer height, List<AssetView.VariantView> variants) {

    /**
     * One of a user's assets: titled only by what its owner called it in the library, never by the original's
     * file name, which may name a person or an address.
     */
    public static PublicItemView ofAsset(String customTitle, RoomAsset asset, List<AssetView.VariantView> variants) {
        return new PublicItemView(blankToNull(customTitle), asset.width, asset.height, variants);
    }

    /** A public catalog image: the owner's own title, else the catalog's. */
    public static PublicItemView ofCatalogImage(String customTitle, CatalogImage image,
            List<AssetView.VariantView> variants) {
        String own = blankToNull(customTitle);
        return new PublicItemView(own != null ? own : image.title, image.width, image.height, variants);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
