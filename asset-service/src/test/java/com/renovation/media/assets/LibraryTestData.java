package com.renovation.media.assets;

import com.renovation.media.assets.repository.CatalogImage;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Catalog images for the library and collection tests: no endpoint of this service writes them. */
final class LibraryTestData {

    private LibraryTestData() {
    }

    /**
     * A public catalog image with a thumbnail and an optimized variant, as the catalog projection (which fills
     * {@code catalog_images} from catalog-service's events) would write it: answers its id.
     */
    static String catalogImage(String title) {
        CatalogImage image = new CatalogImage();
        image.id = UUID.randomUUID();
        image.styleSlug = "modern";
        image.title = title;
        image.bucket = "styles";
        image.contentType = "image/jpeg";
        image.width = 2400;
        image.height = 1600;
        image.variants = List.of(
                new CatalogImage.Variant("thumbnail", "webp", "styles/modern/" + image.id + "_thumbnail_300x200.webp",
                        "image/webp", 300, 200, 1200L),
                new CatalogImage.Variant("optimized", "webp", "styles/modern/" + image.id + "_optimized_1200x800.webp",
                        "image/webp", 1200, 800, 9000L));
        image.updatedAt = Instant.now();
        try {
            VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> Panache.getSession()
                    .chain(s -> s.persist(image))));
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
        return image.id.toString();
    }
}
