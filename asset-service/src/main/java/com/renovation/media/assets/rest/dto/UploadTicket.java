package com.renovation.media.assets.rest.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Where and how to send the bytes. One PUT: {@code uploadUrl}, {@code method} and {@code headers}, presigned and
 * bound to the declared type and size. In parts (a large file, or {@code multipart: true}): {@code uploadId},
 * {@code partSize} and a presigned URL per part; then {@code completeUrl} (the confirm) with the parts' ETags.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UploadTicket(UUID assetId, String uploadUrl, String method, Map<String, String> headers,
        Instant expiresAt, String storagePath, String uploadId, Long partSize, List<PartUrl> parts,
        String completeUrl) {

    /** A ticket for one PUT. */
    public UploadTicket(UUID assetId, String uploadUrl, String method, Map<String, String> headers, Instant expiresAt,
            String storagePath) {
        this(assetId, uploadUrl, method, headers, expiresAt, storagePath, null, null, null, null);
    }
}
