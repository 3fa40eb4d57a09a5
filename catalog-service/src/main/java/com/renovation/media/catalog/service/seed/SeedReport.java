package com.renovation.media.catalog.service.seed;

import java.util.ArrayList;
import java.util.List;

/**
 * What one seeding run did. Entries of the catalog that are in the database but no longer in the manifest are
 * listed under {@code removedStyles} / {@code removedImages} ("slug" / "slug/filename"): they are kept, not
 * deleted, so that an edit of the manifest never silently takes images away.
 */
public record SeedReport(String catalog, int stylesCreated, int stylesUpdated, int stylesUnchanged,
        int imagesCreated, int imagesUpdated, int imagesUnchanged, int objectsUploaded, List<String> removedStyles,
        List<String> removedImages) {

    /** Counts while a run goes on. */
    static final class Tally {
        int stylesCreated;
        int stylesUpdated;
        int stylesUnchanged;
        int imagesCreated;
        int imagesUpdated;
        int imagesUnchanged;
        int objectsUploaded;
        final List<String> removedStyles = new ArrayList<>();
        final List<String> removedImages = new ArrayList<>();

        SeedReport report(String catalog) {
            return new SeedReport(catalog, stylesCreated, stylesUpdated, stylesUnchanged, imagesCreated,
                    imagesUpdated, imagesUnchanged, objectsUploaded, List.copyOf(removedStyles),
                    List.copyOf(removedImages));
        }
    }
}
