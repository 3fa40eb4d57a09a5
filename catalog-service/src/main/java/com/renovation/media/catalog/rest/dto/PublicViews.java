package com.renovation.media.catalog.rest.dto;

import java.util.List;
import java.util.UUID;

/** What the public (anonymous) read API answers. */
public final class PublicViews {

    private PublicViews() {
    }

    public record StyleSummary(String slug, String name, String description, long imageCount) {
    }

    /** A style with the first page of its images; {@code nextCursor} continues at /styles/{slug}/images. */
    public record StyleDetail(String slug, String name, String description, long imageCount, List<ImageView> images,
            String nextCursor) {
    }

    public record ImageView(UUID id, String url, Integer width, Integer height, String caption, String altText,
            String roomType, List<String> tags, List<VariantView> variants) {
    }

    public record VariantView(String variantType, String format, Integer width, Integer height, Long fileSize,
            String url) {
    }
}
