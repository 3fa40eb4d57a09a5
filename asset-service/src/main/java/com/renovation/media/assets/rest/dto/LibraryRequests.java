package com.renovation.media.assets.rest.dto;

import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/** Bodies of the library endpoints. */
public final class LibraryRequests {
    private LibraryRequests() {
    }

    /** Keep one of the caller's assets or a catalog image: exactly one of the two ids. */
    public record SaveItem(UUID assetId, UUID styleImageId) {
    }

    /** Only the fields present change; an empty customTitle clears it. */
    public record ItemPatch(@Size(max = 200) String customTitle, List<String> tags, Boolean favourite) {
    }
}
