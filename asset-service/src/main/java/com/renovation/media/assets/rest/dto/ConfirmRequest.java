package com.renovation.media.assets.rest.dto;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The optional body of {@code POST /assets/{id}/confirm}: for an upload in parts, every part with the ETag S3
 * answered to its PUT (S3's CompleteMultipartUpload). Without it the parts S3 holds are taken as they are. An upload
 * in one PUT needs no body.
 */
public record ConfirmRequest(@Size(max = 10_000) List<@Valid @NotNull ConfirmedPart> parts) {

    public record ConfirmedPart(@NotNull @Positive Integer partNumber, @NotBlank @Size(max = 256) String etag) {
    }
}
