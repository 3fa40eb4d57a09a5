package com.renovation.media.storage.inspection;

import com.renovation.media.storage.filetype.FileType;
import java.util.Optional;

/** What the uploader said before the upload: the file's type, its size, and optionally its SHA-256 (hex). */
public record Declaration(FileType type, long size, Optional<String> sha256) {

    public static Declaration of(FileType type, long size) {
        return new Declaration(type, size, Optional.empty());
    }
}
