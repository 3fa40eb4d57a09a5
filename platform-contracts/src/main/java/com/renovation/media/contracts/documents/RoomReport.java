package com.renovation.media.contracts.documents;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A room report. A client gives only {@code notes}; the rest is a snapshot of the room taken when the report
 * is requested: its confirmed images in display order (the original's key and the key of the variant the
 * report shows, when one is ready), the before/after comparisons between them, and how the snapshot was made.
 */
public record RoomReport(
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Size(max = MAX_SECTION_TEXT, message = "must be text of at most {max} characters") String notes,
        Room room,
        @JsonSetter(contentNulls = Nulls.FAIL) List<Image> images,
        @JsonSetter(contentNulls = Nulls.FAIL) List<Comparison> comparisons,
        Render render) implements DocumentContent {

    /** What a client asks for: notes only, the snapshot is added by the service. */
    public static RoomReport notesOnly(String notes) {
        return new RoomReport(notes, null, null, null, null);
    }

    /** The images, none when the snapshot has none. */
    public List<Image> imageList() {
        return images == null ? List.of() : images;
    }

    /** The comparisons, none when the snapshot has none. */
    public List<Comparison> comparisonList() {
        return comparisons == null ? List.of() : comparisons;
    }

    public record Room(UUID id, String name, String roomType) {
    }

    /** One confirmed image; {@code variant} is null until the variant the report shows is ready. */
    public record Image(UUID assetId, String assetType, String caption, String altText, Integer width,
            Integer height, StoredObject original, StoredObject variant) {
    }

    /** An object in the user-uploads bucket; an original's size is its asset's, so only a variant gives one. */
    public record StoredObject(String key, String contentType,
            @JsonInclude(JsonInclude.Include.NON_NULL) Integer width,
            @JsonInclude(JsonInclude.Include.NON_NULL) Integer height) {
    }

    public record Comparison(UUID id, String title, String description, UUID beforeAssetId, UUID afterAssetId) {
    }

    /** How the snapshot was made: the variant it shows and its counts. */
    public record Render(String sessionTitle, String variantType, String format, int imageCount,
            int comparisonCount, Instant snapshotAt) {
    }
}
