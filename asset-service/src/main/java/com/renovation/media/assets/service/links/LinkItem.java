package com.renovation.media.assets.service.links;

import com.renovation.media.assets.repository.CatalogImage;
import com.renovation.media.assets.repository.RoomAsset;

/**
 * One thing a link opens: an asset, or (in a collection) a catalog image, with the title its owner gave it in
 * the library, if any.
 */
public record LinkItem(RoomAsset asset, CatalogImage styleImage, String customTitle) {

    public static LinkItem of(RoomAsset asset) {
        return new LinkItem(asset, null, null);
    }

    /**
     * The title anyone may see, as for a public collection: the owner's own, else the catalog's; never the
     * original's file name, which may name a person or an address.
     */
    public String publicTitle() {
        if (customTitle != null && !customTitle.isBlank()) {
            return customTitle;
        }
        return styleImage != null ? styleImage.title : null;
    }
}
