package com.renovation.media.variants.service;

import com.renovation.media.contracts.events.payload.AssetConfirmed;
import com.renovation.media.contracts.events.payload.CatalogImageAdded;
import com.renovation.media.contracts.events.payload.SourceKind;
import com.renovation.media.variants.repository.Variant;
import com.renovation.media.variants.video.VideoContainer;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * An original image variants are made from: a user's room asset or a catalog style image. {@code formats} are
 * the formats its owner's plan allows (jpeg, webp, avif); null means every configured one.
 */
public record SourceImage(SourceKind kind, UUID id, UUID sessionId, String bucket, String path, String contentType,
        List<String> formats) {

    public SourceImage(SourceKind kind, UUID id, UUID sessionId, String bucket, String path, String contentType) {
        this(kind, id, sessionId, bucket, path, contentType, null);
    }

    public static SourceImage of(AssetConfirmed confirmed) {
        return new SourceImage(SourceKind.ROOM_ASSET, confirmed.assetId(), confirmed.sessionId(), confirmed.bucket(),
                confirmed.storagePath(), confirmed.contentType(), confirmed.variantFormats());
    }

    public static SourceImage of(CatalogImageAdded added) {
        return new SourceImage(SourceKind.STYLE_IMAGE, added.imageId(), null, added.bucket(), added.storagePath(),
                added.contentType());
    }

    public static SourceImage of(Variant known) {
        return new SourceImage(known.sourceKind, known.sourceId, known.sessionId, known.sourceBucket,
                known.sourcePath, known.sourceType);
    }

    /** JPEG, PNG, WebP, HEIC (HEIF) and AVIF get variants; PDFs are served as uploaded. */
    public boolean hasVariants() {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        return type.equals("image/jpeg") || type.equals("image/png") || type.equals("image/webp")
                || type.equals("image/heic") || type.equals("image/heif") || type.equals("image/avif");
    }

    /** MP4, QuickTime and WebM videos get posters and a web MP4 (see {@link VideoContainer}). */
    public boolean isVideo() {
        return VideoContainer.isVideo(contentType);
    }

    @Override
    public String toString() {
        return kind + " " + id;
    }
}
