package com.renovation.media.catalog.rest.dto;

import com.renovation.media.catalog.repository.StyleImageStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What the admin API answers: the public fields plus state and bookkeeping. */
public final class AdminViews {

    private AdminViews() {
    }

    public record StyleView(UUID id, String slug, String name, String description, int displayOrder,
            String seedCatalog, Instant createdAt, Instant updatedAt) {
    }

    public record ImageView(UUID id, String styleSlug, StyleImageStatus status, String url, String storagePath,
            String filename, String contentType, long fileSize, Integer width, Integer height, String sha256,
            String caption, String altText, String roomType, List<String> tags, int displayOrder, String sourceUrl,
            String seedCatalog, List<PublicViews.VariantView> variants, Instant createdAt, Instant updatedAt) {
    }

    /**
     * Where and how to PUT the bytes: the URL is presigned into the private staging area and bound to the
     * declared type and size and to a private ACL (send every header named). {@code storagePath} is the key the
     * image will be served under once confirmed.
     */
    public record UploadTicket(UUID imageId, String uploadUrl, String method, Map<String, String> headers,
            Instant expiresAt, String storagePath) {
    }
}
