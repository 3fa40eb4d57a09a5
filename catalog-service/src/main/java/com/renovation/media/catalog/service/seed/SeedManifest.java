package com.renovation.media.catalog.service.seed;

import java.util.List;

/**
 * The seed manifest (JSON): the styles of one named catalog and their images. {@code file} is relative to the
 * manifest; {@code filename}, the name the image is stored under, defaults to the file's own name; {@code source} credits where the files come from and is every image's sourceUrl unless it names
 * its own.
 */
public record SeedManifest(String catalog, String source, List<StyleEntry> styles) {

    public record StyleEntry(String slug, String name, String description, Integer displayOrder,
            List<ImageEntry> images) {
    }

    public record ImageEntry(String file, String filename, String roomType, String caption, String altText, List<String> tags,
            Integer displayOrder, String sourceUrl) {
    }
}
