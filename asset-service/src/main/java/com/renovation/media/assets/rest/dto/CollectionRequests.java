package com.renovation.media.assets.rest.dto;

import com.renovation.media.assets.repository.CollectionVisibility;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/** Bodies of the collection endpoints. */
public final class CollectionRequests {
    private CollectionRequests() {
    }

    public record CreateCollection(@NotBlank @Size(max = 200) String name, @Size(max = 2000) String description,
            CollectionVisibility visibility, List<String> tags) {
    }

    /** Only the fields present change; an empty description clears it. */
    public record CollectionPatch(@Size(min = 1, max = 200) String name, @Size(max = 2000) String description,
            CollectionVisibility visibility, List<String> tags, UUID coverItemId) {
    }

    public record AddItem(@NotNull UUID libraryItemId) {
    }

    /** The collection's items in their new order: all of them, each once. */
    public record ItemOrder(@NotNull @Size(max = 1000) List<@NotNull UUID> libraryItemIds) {
    }
}
