package com.renovation.media.assets;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import java.time.OffsetDateTime;
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
        UUID id = UUID.randomUUID();
        String variants = "[{\"variantType\":\"thumbnail\",\"format\":\"webp\",\"key\":\"styles/modern/" + id
                + "_thumbnail_300x200.webp\",\"contentType\":\"image/webp\",\"width\":300,\"height\":200,"
                + "\"fileSize\":1200},{\"variantType\":\"optimized\",\"format\":\"webp\",\"key\":\"styles/modern/" + id
                + "_optimized_1200x800.webp\",\"contentType\":\"image/webp\",\"width\":1200,\"height\":800,"
                + "\"fileSize\":9000}]";
        await(() -> Panache.withTransaction(() -> Panache.getSession().chain(s -> s.createNativeQuery(
                        "INSERT INTO catalog_images (id, style_slug, title, bucket, variants)"
                                + " VALUES (:id, 'modern', :title, 'styles', cast(:variants AS jsonb))")
                .setParameter("id", id).setParameter("title", title).setParameter("variants", variants)
                .executeUpdate())));
        return id.toString();
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
