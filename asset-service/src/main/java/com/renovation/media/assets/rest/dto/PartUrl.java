package com.renovation.media.assets.rest.dto;

import java.time.Instant;
import java.util.Map;

/** Where and how to PUT one part of an upload in parts: the URL is presigned for exactly {@code size} bytes. */
public record PartUrl(int partNumber, String url, String method, Map<String, String> headers, long size,
        Instant expiresAt) {
}
