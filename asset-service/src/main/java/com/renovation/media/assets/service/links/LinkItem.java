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
}
