package com.renovation.media.assets.rest.dto;

import java.util.List;

/**
 * An item as anyone holding a public address sees it (a public collection, a share link): a title and its
 * variants' short-lived URLs. Never an id, an owner, the original file or its metadata (GPS stays private).
 */
public record PublicItemView(String title, Integer width, Integer height, List<AssetView.VariantView> variants) {
}
