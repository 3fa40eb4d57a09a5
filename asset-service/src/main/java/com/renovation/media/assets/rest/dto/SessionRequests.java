package com.renovation.media.assets.rest.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Bodies of the session and room endpoints. */
public final class SessionRequests {
    private SessionRequests() {
    }

    public record CreateSession(@NotBlank @Size(max = 200) String title) {
    }

    public record RenameSession(@NotBlank @Size(max = 200) String title) {
    }

    public record CreateRoom(@NotBlank @Size(max = 200) String name,
            @NotBlank @Pattern(regexp = "[a-z][a-z0-9_]{0,49}", message = "must be lowercase letters, digits or _ (e.g. kitchen, living_room)") String roomType) {
    }

    public record UpdateRoom(@Size(min = 1, max = 200) String name,
            @Pattern(regexp = "[a-z][a-z0-9_]{0,49}", message = "must be lowercase letters, digits or _ (e.g. kitchen, living_room)") String roomType) {
    }
}
