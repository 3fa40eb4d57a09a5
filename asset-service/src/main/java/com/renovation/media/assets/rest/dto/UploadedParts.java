package com.renovation.media.assets.rest.dto;

import java.util.List;

/**
 * {@code GET /assets/{id}/parts}: what S3 already holds of an upload in parts, so a client whose connection dropped
 * sends only the rest. {@code partCount} parts of {@code partSize} bytes (the last: the rest) make the file.
 */
public record UploadedParts(String uploadId, long partSize, int partCount, List<UploadedPart> parts) {

    /** A part S3 holds, with the ETag to name when confirming. */
    public record UploadedPart(int partNumber, String etag, long size) {
    }
}
