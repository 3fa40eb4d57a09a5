package com.renovation.media.catalog.service;

import com.renovation.media.catalog.repository.StyleImage;
import com.renovation.media.catalog.repository.StyleImageStatus;
import com.renovation.media.catalog.repository.StyleImageVariant;
import com.renovation.media.catalog.repository.StyleImageVariantRepository;
import com.renovation.media.catalog.repository.StyleRepository;
import com.renovation.media.contracts.events.payload.CatalogImagePublished;
import com.renovation.media.contracts.events.payload.CatalogImageWithdrawn;
import com.renovation.media.contracts.variants.VariantStatus;
import com.renovation.media.messaging.outbox.Outbox;
import com.renovation.media.storage.layout.Buckets;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/**
 * Tells other services what the public catalog serves, through the outbox in the caller's transaction:
 * {@code catalog.image.published} (the image as the public API shows it: title, original's type and size, the
 * public bucket and the key of every ready variant) when an image becomes public and whenever any of that
 * changes; {@code catalog.image.withdrawn} when it stops being public. An image still {@code uploading} was
 * never public, so it has no events. Each event takes the image's next {@code published_version}.
 */
@ApplicationScoped
public class ImagePublications {

    private static final String NEXT_VERSION = "UPDATE style_images SET published_version = published_version + 1"
            + " WHERE id = :id RETURNING published_version";

    private final StyleRepository styles;
    private final StyleImageVariantRepository variants;
    private final Outbox outbox;

    public ImagePublications(StyleRepository styles, StyleImageVariantRepository variants, Outbox outbox) {
        this.styles = styles;
        this.variants = variants;
        this.outbox = outbox;
    }

    /** The image as it is served now (its pending entity changes included). */
    public Uni<Void> published(StyleImage image) {
        if (image.status == StyleImageStatus.UPLOADING) {
            return Uni.createFrom().voidItem();
        }
        return nextVersion(image.id).chain(version -> styles.findById(image.styleId)
                .chain(style -> variants.ofImage(image.id).chain(list -> outbox.add(new CatalogImagePublished(
                        image.id, version, style.slug, title(image), image.altText, image.contentType, image.width,
                        image.height, Buckets.STYLES, served(list))))))
                .replaceWithVoid();
    }

    /** Before the image's row is deleted (or stops being public otherwise). */
    public Uni<Void> withdrawn(StyleImage image) {
        if (image.status == StyleImageStatus.UPLOADING) {
            return Uni.createFrom().voidItem();
        }
        return nextVersion(image.id).chain(version -> outbox.add(new CatalogImageWithdrawn(image.id, version)))
                .replaceWithVoid();
    }

    /** What a library shows as the image's name: its caption, else its file name. */
    public static String title(StyleImage image) {
        return image.caption != null ? image.caption : image.filename;
    }

    /** The variants the public API lists (its {@code readyVariants}), in its order. */
    static List<CatalogImagePublished.Variant> served(List<StyleImageVariant> variants) {
        return variants.stream().filter(v -> v.status == VariantStatus.READY && v.storagePath != null)
                .map(v -> new CatalogImagePublished.Variant(v.variantType, v.format, v.storagePath, v.contentType,
                        v.width, v.height, v.fileSize))
                .toList();
    }

    /** Flushes first: the row (maybe just persisted) must be in the database for the UPDATE to number it. */
    private static Uni<Long> nextVersion(UUID imageId) {
        return Panache.getSession().chain(session -> session.flush().chain(() -> session
                .createNativeQuery(NEXT_VERSION, Long.class)
                .setParameter("id", imageId)
                .getSingleResult()));
    }
}
