package com.renovation.media.assets.rest.dto;

import com.renovation.media.assets.repository.LibraryItemKind;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A library item as its owner sees it: what it keeps, how it is organised, its variants' signed URLs and, for
 * an asset, a signed URL of the original.
 */
public record LibraryItemView(UUID id, LibraryItemKind kind, UUID assetId, UUID styleImageId, String title,
        String customTitle, List<String> tags, boolean favourite, String contentType, Integer width,
        Integer height, List<AssetView.VariantView> variants, String downloadUrl, Instant createdAt,
        Instant updatedAt) {
}
