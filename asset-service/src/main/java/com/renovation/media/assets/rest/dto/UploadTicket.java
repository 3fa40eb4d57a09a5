package com.renovation.media.assets.rest.dto;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Where and how to PUT the bytes: the URL is presigned and bound to the declared type and size. */
public record UploadTicket(UUID assetId, String uploadUrl, String method, Map<String, String> headers,
        Instant expiresAt, String storagePath) {
}
