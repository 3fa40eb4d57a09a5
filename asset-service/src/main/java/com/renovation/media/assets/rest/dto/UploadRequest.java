package com.renovation.media.assets.rest.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.Map;
import java.util.UUID;

/** {@code POST /assets/uploads}: what the client is about to upload. */
public record UploadRequest(
        @NotNull UUID roomId,
        @NotBlank String assetType,
        @NotBlank @Size(max = 1024) String filename,
        @NotBlank @Size(max = 255) String contentType,
        @NotNull @Positive Long size,
        String source,
        Map<String, Object> metadata) {
}
