package com.renovation.media.assets.service.uploads;

import com.renovation.media.assets.config.UploadConfig;
import com.renovation.media.storage.filetype.FileType;
import com.renovation.media.storage.inspection.UploadPolicy;
import com.renovation.media.web.problem.ApiException;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * What may be uploaded as what, and how large: each asset type's allow-list and the configured limits. Whether
 * stored bytes are what was declared is platform-storage's upload inspector, under {@link #policy}.
 */
@ApplicationScoped
public class UploadRules {

    public static final Set<String> SOURCES = Set.of("user_upload", "pinterest", "ai_generated");
    public static final String VIDEO = "video";
    /** What one S3 CopyObject (confirm's copy of an upload) takes at most. */
    static final long MAX_COPY_BYTES = 5L * 1024 * 1024 * 1024;

    private static final Set<FileType> IMAGES = EnumSet.of(FileType.JPEG, FileType.PNG, FileType.WEBP, FileType.HEIC,
            FileType.AVIF);
    private static final Set<FileType> IMAGES_AND_PDF = EnumSet.of(FileType.JPEG, FileType.PNG, FileType.WEBP,
            FileType.HEIC, FileType.AVIF, FileType.PDF);
    private static final Set<FileType> VIDEOS = EnumSet.of(FileType.MP4, FileType.MOV, FileType.WEBM);
    private static final Map<String, Set<FileType>> ALLOWED = Map.of(
            "photo", IMAGES, "render", IMAGES, "floorplan", IMAGES_AND_PDF, "document", IMAGES_AND_PDF, VIDEO, VIDEOS);
    /** The asset types, as messages and filters name them. */
    public static final String TYPES = "photo, floorplan, render, document, video";

    private final UploadConfig config;

    public UploadRules(UploadConfig config) {
        this.config = config;
    }

    /** A configured video limit that confirm could not copy stops the service at start, not a user's upload. */
    void checkLimits(@Observes StartupEvent event) {
        if (config.maxVideoBytes() > MAX_COPY_BYTES) {
            throw new IllegalStateException("platform.uploads.max-video-bytes (" + config.maxVideoBytes()
                    + ") must be at most " + MAX_COPY_BYTES + " (5 GiB): confirm copies an upload with one S3"
                    + " CopyObject");
        }
    }

    public static boolean isKnownType(String assetType) {
        return ALLOWED.containsKey(assetType);
    }

    /** Every asset type, for meters that show each one from the start. */
    public static Set<String> assetTypes() {
        return ALLOWED.keySet();
    }

    /** Checks an upload request; answers the declared file type. */
    public FileType checkRequest(String assetType, String contentType, long size, String source) {
        Set<FileType> allowed = ALLOWED.get(assetType);
        if (allowed == null) {
            throw ApiException.invalid("assetType", "must be one of " + TYPES);
        }
        if (source != null && !SOURCES.contains(source)) {
            throw ApiException.invalid("source", "must be one of user_upload, pinterest, ai_generated");
        }
        FileType type = FileType.fromDeclared(contentType).filter(allowed::contains).orElseThrow(() ->
                ApiException.invalid("contentType", "a " + assetType + " must be one of "
                        + allowed.stream().map(FileType::contentType).sorted().toList()));
        long max = policy(assetType).maxBytes(type);
        if (size <= 0 || size > max) {
            throw ApiException.invalid("size", "must be between 1 and " + max + " bytes for " + type.contentType());
        }
        return type;
    }

    /**
     * Whether the upload goes in parts: a video always does (it may be as large as a gigabyte, and a dropped
     * connection then costs one part, not the whole file), so asking for one PUT is refused; any other type as
     * the client asked (null: by its size).
     */
    public Boolean inParts(String assetType, Boolean asked) {
        if (!VIDEO.equals(assetType)) {
            return asked;
        }
        if (Boolean.FALSE.equals(asked)) {
            throw ApiException.invalid("multipart", "a video is always uploaded in parts");
        }
        return Boolean.TRUE;
    }

    /** What an asset of this (known) type may be: its allow-list, with each kind of file's own limit. */
    public UploadPolicy policy(String assetType) {
        return UploadPolicy.of(ALLOWED.get(assetType), config.maxImageBytes(), config.maxPixels())
                .withMaxBytes(FileType.PDF, config.maxPdfBytes())
                .withMaxBytes(FileType.MP4, config.maxVideoBytes())
                .withMaxBytes(FileType.MOV, config.maxVideoBytes())
                .withMaxBytes(FileType.WEBM, config.maxVideoBytes());
    }
}
