package com.renovation.media.catalog.rest.dto;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Bodies of the admin API. In patches only the fields present change; an empty string clears a text. */
public final class AdminRequests {

    private AdminRequests() {
    }

    public record CreateStyle(
            @NotBlank @Size(max = 80) String slug,
            @NotBlank @Size(max = 200) String name,
            @Size(max = 2000) String description,
            @Min(0) @Max(1_000_000) Integer displayOrder) {
    }

    public record PatchStyle(
            @Size(min = 1, max = 200) String name,
            @Size(max = 2000) String description,
            @Min(0) @Max(1_000_000) Integer displayOrder) {
    }

    /** Declares a file to upload into a style, with the image's catalog fields. */
    public record ImageUpload(
            @NotBlank @Size(max = 1024) String filename,
            @NotBlank @Size(max = 255) String contentType,
            @NotNull @Positive Long size,
            @Size(max = 50) String roomType,
            @Size(max = 2000) String caption,
            @Size(max = 2000) String altText,
            @Size(max = 30) List<String> tags,
            @Min(0) @Max(1_000_000) Integer displayOrder,
            @Size(max = 2000) String sourceUrl) {
    }

    public record PatchImage(
            @Size(max = 2000) String caption,
            @Size(max = 2000) String altText,
            @Size(max = 50) String roomType,
            @Size(max = 30) List<String> tags,
            @Min(0) @Max(1_000_000) Integer displayOrder,
            @Size(max = 2000) String sourceUrl) {
    }
}
