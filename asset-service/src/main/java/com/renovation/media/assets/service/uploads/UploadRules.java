package com.renovation.media.assets.service.uploads;

import com.renovation.media.assets.config.UploadConfig;
import com.renovation.media.storage.filetype.FileType;
import com.renovation.media.storage.inspection.UploadPolicy;
import com.renovation.media.web.problem.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
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

    private static final Set<FileType> IMAGES = EnumSet.of(FileType.JPEG, FileType.PNG, FileType.WEBP, FileType.HEIC,
            FileType.AVIF);
    private static final Set<FileType> IMAGES_AND_PDF = EnumSet.of(FileType.JPEG, FileType.PNG, FileType.WEBP,
            FileType.HEIC, FileType.AVIF, FileType.PDF);
    private static final Map<String, Set<FileType>> ALLOWED = Map.of(
            "photo", IMAGES, "render", IMAGES, "floorplan", IMAGES_AND_PDF, "document", IMAGES_AND_PDF);

    private final UploadConfig config;

    public UploadRules(UploadConfig config) {
        this.config = config;
    }

    /** Checks an upload request; answers the declared file type. */
    public FileType checkRequest(String assetType, String contentType, long size, String source) {
        Set<FileType> allowed = ALLOWED.get(assetType);
        if (allowed == null) {
            throw ApiException.invalid("assetType", "must be one of photo, floorplan, render, document");
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

    /** What an asset of this (known) type may be: its allow-list, PDFs and images each with their own limit. */
    public UploadPolicy policy(String assetType) {
        return UploadPolicy.of(ALLOWED.get(assetType), config.maxImageBytes(), config.maxPixels())
                .withMaxBytes(FileType.PDF, config.maxPdfBytes());
    }
}
