package com.renovation.media.catalog.service.seed;

import com.renovation.media.catalog.service.CatalogRules;
import com.renovation.media.storage.filetype.ImageHeader;
import com.renovation.media.storage.inspection.Inspection;
import com.renovation.media.storage.inspection.UploadInspector;
import com.renovation.media.storage.inspection.UploadPolicy;
import com.renovation.media.storage.layout.SafeFilename;
import com.renovation.media.storage.layout.StoragePaths;
import com.renovation.media.web.problem.ApiException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A manifest checked and resolved into the rows and objects it stands for: slugs, room types and tags in
 * shape, every file a valid image (the same rules as uploads), object keys and checksums computed. Pure: a bad
 * manifest fails here, before anything is written.
 */
public record SeedPlan(String catalog, List<PlannedStyle> styles) {

    public record PlannedStyle(String slug, String name, String description, int displayOrder,
            List<PlannedImage> images) {
    }

    public record PlannedImage(String storagePath, String filename, String contentType, byte[] bytes, String sha256,
            int width, int height, String caption, String altText, String roomType, List<String> tags,
            int displayOrder, String sourceUrl) {
    }

    public static SeedPlan of(SeedBundle bundle, UploadPolicy policy) {
        SeedManifest manifest = bundle.manifest();
        if (manifest.catalog() == null || manifest.catalog().isBlank()) {
            throw new SeedException("the manifest must name its catalog");
        }
        if (manifest.styles() == null || manifest.styles().isEmpty()) {
            throw new SeedException("the manifest has no styles");
        }
        List<PlannedStyle> styles = new ArrayList<>();
        Set<String> slugs = new HashSet<>();
        Set<String> keys = new HashSet<>();
        for (int s = 0; s < manifest.styles().size(); s++) {
            SeedManifest.StyleEntry entry = manifest.styles().get(s);
            String where = "styles[" + s + "]";
            String slug = checked(where + ".slug", () -> CatalogRules.slug("slug", entry.slug()));
            if (!slugs.add(slug)) {
                throw new SeedException(where + ": style " + slug + " is listed twice");
            }
            if (entry.name() == null || entry.name().isBlank()) {
                throw new SeedException(where + ": a style needs a name");
            }
            List<PlannedImage> images = new ArrayList<>();
            List<SeedManifest.ImageEntry> entries = entry.images() == null ? List.of() : entry.images();
            for (int i = 0; i < entries.size(); i++) {
                PlannedImage image = image(bundle, slug, entries.get(i), where + ".images[" + i + "]", i,
                        manifest.source(), policy);
                if (!keys.add(image.storagePath())) {
                    throw new SeedException(where + ".images[" + i + "]: " + image.storagePath() + " is listed twice");
                }
                images.add(image);
            }
            styles.add(new PlannedStyle(slug, entry.name().strip(), CatalogRules.text(entry.description()),
                    entry.displayOrder() == null ? s : entry.displayOrder(), images));
        }
        return new SeedPlan(manifest.catalog().strip(), styles);
    }

    private static PlannedImage image(SeedBundle bundle, String slug, SeedManifest.ImageEntry entry, String where,
            int index, String defaultSource, UploadPolicy policy) {
        byte[] bytes = entry.file() == null ? null : bundle.files().get(entry.file());
        if (bytes == null) {
            throw new SeedException(where + ": file " + entry.file() + " is missing");
        }
        Inspection verdict = UploadInspector.inspect(bytes, policy);
        if (verdict instanceof Inspection.Refused refused) {
            throw new SeedException(where + ": " + entry.file() + " is refused: " + refused.reason());
        }
        Inspection.Accepted accepted = (Inspection.Accepted) verdict;
        // the inspector refuses a JPEG, PNG or WebP whose header has no dimensions
        ImageHeader.Dimensions dimensions = accepted.dimensions().orElseThrow();
        String basename = entry.filename() != null ? entry.filename()
                : entry.file().substring(entry.file().lastIndexOf('/') + 1);
        SafeFilename filename = checked(where + ".file", () -> SafeFilename.of(basename));
        String roomType = checked(where + ".roomType", () -> CatalogRules.roomType("roomType",
                CatalogRules.text(entry.roomType())));
        List<String> tags = checked(where + ".tags", () -> CatalogRules.tags("tags", entry.tags()));
        String source = entry.sourceUrl() != null ? entry.sourceUrl() : defaultSource;
        return new PlannedImage(StoragePaths.styleImageKey(slug, filename.keyPart()), filename.display(),
                accepted.type().contentType(), bytes, accepted.sha256(), dimensions.width(), dimensions.height(),
                CatalogRules.text(entry.caption()), CatalogRules.text(entry.altText()),
                roomType, tags, entry.displayOrder() == null ? index : entry.displayOrder(),
                CatalogRules.text(source));
    }

    private static <T> T checked(String where, java.util.function.Supplier<T> check) {
        try {
            return check.get();
        } catch (ApiException | IllegalArgumentException e) {
            throw new SeedException(where + ": " + e.getMessage());
        }
    }
}
