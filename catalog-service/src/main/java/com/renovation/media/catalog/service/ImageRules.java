package com.renovation.media.catalog.service;

import com.renovation.media.catalog.config.CatalogConfig;
import com.renovation.media.storage.filetype.FileType;
import com.renovation.media.storage.inspection.UploadPolicy;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * What may become a style image: JPEG, PNG or WebP within the catalog's size and pixel limits. The checks are
 * platform-storage's upload inspector, the same as users' uploads (type by magic number, whole, no other file
 * after its end, a readable header within the pixel limit); only the allow-list and limits are the catalog's.
 */
public final class ImageRules {

    public static final Set<FileType> ALLOWED = EnumSet.of(FileType.JPEG, FileType.PNG, FileType.WEBP);

    private ImageRules() {
    }

    public static UploadPolicy policy(CatalogConfig config) {
        return UploadPolicy.of(ALLOWED, config.maxImageBytes(), config.maxPixels());
    }

    /** The declared type of an upload request, if it is one a style image may have. */
    public static Optional<FileType> declared(String contentType) {
        return FileType.fromDeclared(contentType).filter(ALLOWED::contains);
    }
}
