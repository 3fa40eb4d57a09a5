package com.renovation.media.assets.rest.dto;

import com.renovation.media.assets.repository.Link;
import com.renovation.media.assets.repository.LinkKind;
import com.renovation.media.assets.service.links.LinkStatus;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A link as its owner sees it. {@code token} and {@code url} are set in the answer that creates it only: the
 * service keeps no way to show them again.
 */
public record LinkView(UUID id, LinkKind kind, String token, String url, Instant expiresAt, int maxDownloads,
        int downloads, Instant lastAccessedAt, LinkStatus status, List<UUID> assetIds, UUID collectionId,
        Instant createdAt) {

    public static LinkView of(Link link, List<UUID> assetIds, LinkStatus status) {
        return created(link, assetIds, status, null, null);
    }

    public static LinkView created(Link link, List<UUID> assetIds, LinkStatus status, String token, String url) {
        return new LinkView(link.id, link.kind, token, url, link.expiresAt, link.maxDownloads, link.downloads,
                link.lastAccessedAt, status, assetIds, link.collectionId, link.createdAt);
    }
}
