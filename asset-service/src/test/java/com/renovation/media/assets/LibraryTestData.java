package com.renovation.media.assets;

import com.renovation.media.assets.repository.CatalogImage;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Rows the library and collection tests need that no endpoint of this service writes. */
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
        image.variants = List.of(
                new CatalogImage.Variant("thumbnail", "webp", "styles/modern/" + image.id + "_thumbnail_300x200.webp",
                        "image/webp", 300, 200, 1200L),
                new CatalogImage.Variant("optimized", "webp", "styles/modern/" + image.id + "_optimized_1200x800.webp",
                        "image/webp", 1200, 800, 9000L));
        image.updatedAt = Instant.now();
        await(() -> Panache.withTransaction(() -> Panache.getSession().chain(s -> s.persist(image))));
        return image.id.toString();
    }

    /** Makes the session the owner's workspace (what main's workspace uploads create). */
    static void makeWorkspace(String sessionId) {
        update("UPDATE sessions SET kind = 'workspace' WHERE id = '" + UUID.fromString(sessionId) + "'");
    }

    static void setExpiry(String assetId, String interval) {
        update("UPDATE room_assets SET expires_at = now() + interval '" + interval + "' WHERE id = '"
                + UUID.fromString(assetId) + "'");
    }

    /** The asset's expires_at, or null. */
    static OffsetDateTime expiry(String assetId) {
        return await(() -> Panache.withSession(() -> Panache.getSession().chain(s -> s.createNativeQuery(
                        "SELECT expires_at FROM room_assets WHERE id = :id", OffsetDateTime.class)
                .setParameter("id", UUID.fromString(assetId)).getSingleResult())));
    }

    private static void update(String sql) {
        await(() -> Panache.withTransaction(() -> Panache.getSession()
                .chain(s -> s.createNativeQuery(sql).executeUpdate())));
    }

    private static <T> T await(java.util.function.Supplier<io.smallrye.mutiny.Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(work::get);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
