package com.renovation.media.storage.filetype;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The file types the platform stores, as recognised by their bytes. */
public enum FileType {
    JPEG("image/jpeg", Set.of("image/jpeg", "image/jpg", "image/pjpeg")),
    PNG("image/png", Set.of("image/png")),
    WEBP("image/webp", Set.of("image/webp")),
    HEIC("image/heic", Set.of("image/heic", "image/heif", "image/heic-sequence", "image/heif-sequence")),
    /** AV1 in the same HEIF container as HEIC (ftyp brand avif or avis). */
    AVIF("image/avif", Set.of("image/avif")),
    PDF("application/pdf", Set.of("application/pdf")),
    MP4("video/mp4", Set.of("video/mp4", "video/x-m4v")),
    MOV("video/quicktime", Set.of("video/quicktime")),
    WEBM("video/webm", Set.of("video/webm"));

    private final String contentType;
    private final Set<String> declaredAs;

    FileType(String contentType, Set<String> declaredAs) {
        this.contentType = contentType;
        this.declaredAs = declaredAs;
    }

    /** The canonical content type stored and served. */
    public String contentType() {
        return contentType;
    }

    public boolean isImage() {
        return this != PDF && !isVideo();
    }

    /**
     * A video container. None is {@link #safeInline()}: a video cannot run script, but the original as uploaded
     * reaches the browser's native demuxers and decoders with whatever codecs it carries; what the platform plays
     * is the web MP4 it re-encoded (H.264/AAC), a variant, which is served inline.
     */
    public boolean isVideo() {
        return this == MP4 || this == MOV || this == WEBM;
    }

    /**
     * Whether browsers may open the file inline. JPEG, PNG and WebP are decoded as plain images. A PDF opens in a
     * viewer that runs its scripts, forms and links on the storage origin, and HEIC is rendered by few browsers
     * (the rest would offer a save dialog anyway) through large native decoders: both are served as attachments.
     * So is an AVIF original: pages show its variants, and nobody's browser need decode an uploader's AV1.
     */
    public boolean safeInline() {
        return this == JPEG || this == PNG || this == WEBP;
    }

    /** The type a client's declared content type names, if the platform accepts it at all. */
    public static Optional<FileType> fromDeclared(String declared) {
        if (declared == null) {
            return Optional.empty();
        }
        String base = declared.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        for (FileType type : values()) {
            if (type.declaredAs.contains(base)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
