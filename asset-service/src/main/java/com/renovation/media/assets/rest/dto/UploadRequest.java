package com.renovation.media.assets.rest.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code POST /assets/uploads}: what the client is about to upload, and where: a room, or the caller's workspace
 * ({@code workspace: true}, no room) where it expires unless saved to the library. {@code temporary: true} makes
 * an upload for an order not paid yet: it is erased {@code platform.uploads.temporary-ttl} later unless an order
 * naming it is paid first. {@code multipart: true} asks for an upload in parts whatever the size, {@code false} for
 * one PUT whatever the size; without it a file above {@code platform.uploads.multipart-threshold} goes in parts.
 * {@code partSize} lets a client that cuts the file itself (Uppy does) choose the size of every part but the last;
 * {@code partSha256s} binds each part's SHA-256 into its URL, so S3 refuses a part whose bytes changed on the way.
 */
public record UploadRequest(
        UUID roomId,
        Boolean workspace,
        @NotBlank String assetType,
        @NotBlank @Size(max = 1024) String filename,
        @NotBlank @Size(max = 255) String contentType,
        @NotNull @Positive Long size,
        String source,
        Map<String, Object> metadata,
        /* optional: the file's SHA-256 in hex, bound into the upload URL (S3 refuses other bytes) and checked at confirm */
        @Pattern(regexp = "[0-9a-fA-F]{64}", message = "must be 64 hexadecimal digits (SHA-256)") String sha256,
        Boolean temporary,
        Boolean multipart,
        @Positive Long partSize,
        /* optional: the SHA-256 (hex) of each part of an upload in parts, in part order, each bound into its part URL */
        @Size(max = 10_000) List<@NotNull @Pattern(regexp = "[0-9a-fA-F]{64}",
                message = "must be 64 hexadecimal digits (SHA-256)") String> partSha256s) {
}
