package com.renovation.media.assets.service.catalog;

import com.renovation.media.assets.repository.CatalogImage;
import com.renovation.media.assets.repository.CatalogImageRepository;
import com.renovation.media.contracts.events.payload.CatalogImagePublished;
import com.renovation.media.contracts.events.payload.CatalogImageWithdrawn;
import com.renovation.media.messaging.consumer.PermanentEventFailure;
import com.renovation.media.storage.layout.Buckets;
import com.renovation.media.storage.layout.StoragePaths;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * Keeps {@code catalog_images} in step with catalog-service, inside the consumer's transaction: a published
 * image is inserted or replaced whole, a withdrawn one deleted (its library items go with it). Each image's
 * events apply in the order of their version, so one arriving late changes nothing, and a withdrawal is
 * remembered so no older published event brings the image back. This service signs URLs of the variant keys,
 * so only keys in the public bucket's variants folder of the image's own style are accepted; anything else goes
 * to the dead-letter topic.
 */
@ApplicationScoped
public class CatalogImageProjection {

    private static final Logger LOG = Logger.getLogger(CatalogImageProjection.class);
    /** catalog-service's slug rule: a plain folder name, so the style's folder below is exactly its own. */
    static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    /** Far above the catalog's variant set (presets × formats): a bigger list is not one of its images. */
    static final int MAX_VARIANTS = 32;

    private final CatalogImageRepository images;

    public CatalogImageProjection(CatalogImageRepository images) {
        this.images = images;
    }

    public Uni<Void> published(CatalogImagePublished event) {
        check(event);
        UUID id = event.styleImageId();
        return images.withdrawnVersion(id).chain(withdrawn -> {
            if (withdrawn != null && withdrawn >= event.version()) {
                LOG.debugf("catalog image %s version %d is older than its withdrawal, ignored", id, event.version());
                return Uni.createFrom().voidItem();
            }
            return images.lock(id).chain(found -> {
                if (found != null && found.version >= event.version()) {
                    LOG.debugf("catalog image %s version %d is not newer than %d, ignored", id, event.version(),
                            found.version);
                    return Uni.createFrom().voidItem();
                }
                CatalogImage image = found != null ? found : new CatalogImage();
                image.id = id;
                copy(event, image);
                Uni<?> saved = found != null ? Uni.createFrom().voidItem() : images.persist(image);
                return saved.chain(() -> withdrawn == null ? Uni.createFrom().voidItem()
                        : images.forgetWithdrawal(id));
            });
        });
    }

    public Uni<Void> withdrawn(CatalogImageWithdrawn event) {
        if (event.styleImageId() == null || event.version() < 1) {
            throw new PermanentEventFailure("catalog.image.withdrawn without an image id or a version");
        }
        UUID id = event.styleImageId();
        return images.lock(id).chain(image -> {
            if (image != null && image.version >= event.version()) {
                LOG.debugf("withdrawal of catalog image %s version %d is older than the image's %d, ignored", id,
                        event.version(), image.version);
                return Uni.createFrom().voidItem();
            }
            Uni<Void> removed = image == null ? Uni.createFrom().voidItem() : images.delete(image);
            return removed.chain(() -> images.recordWithdrawal(id, event.version()));
        });
    }

    private static void copy(CatalogImagePublished event, CatalogImage image) {
        image.styleSlug = event.styleSlug();
        image.title = event.title();
        image.altText = event.altText();
        image.contentType = event.contentType();
        image.width = event.width();
        image.height = event.height();
        image.bucket = event.bucket();
        image.variants = event.variants().stream().map(v -> new CatalogImage.Variant(v.variantType(), v.format(),
                v.key(), v.contentType(), v.width(), v.height(), v.fileSize())).toList();
        image.version = event.version();
        image.updatedAt = Instant.now();
    }

    /** Refuses what could not have come from the catalog: above all a key this service must not sign. */
    static void check(CatalogImagePublished event) {
        if (event.styleImageId() == null || event.version() < 1) {
            throw new PermanentEventFailure("catalog.image.published without an image id or a version");
        }
        if (!Buckets.STYLES.equals(event.bucket())) {
            throw new PermanentEventFailure("catalog image " + event.styleImageId() + " is in bucket "
                    + event.bucket() + ", not " + Buckets.STYLES);
        }
        if (event.styleSlug() == null || !SLUG.matcher(event.styleSlug()).matches()) {
            throw new PermanentEventFailure("catalog image " + event.styleImageId() + " names no valid style");
        }
        if (event.variants() == null || event.variants().size() > MAX_VARIANTS) {
            throw new PermanentEventFailure("catalog image " + event.styleImageId() + " lists no variants or more"
                    + " than " + MAX_VARIANTS);
        }
        if ((event.width() == null) != (event.height() == null)
                || event.width() != null && (event.width() < 1 || event.height() < 1)) {
            throw new PermanentEventFailure("catalog image " + event.styleImageId() + " has impossible dimensions");
        }
        // any image's variants folder in the style's folder has the same prefix
        String anyImageOfStyle = StoragePaths.styleImageKey(event.styleSlug(), "image");
        for (CatalogImagePublished.Variant variant : event.variants()) {
            if (variant == null || variant.variantType() == null || variant.format() == null
                    || !StoragePaths.isVariantOf(anyImageOfStyle, variant.key())) {
                throw new PermanentEventFailure("catalog image " + event.styleImageId() + " lists a variant that"
                        + " is not in the variants folder of style " + event.styleSlug());
            }
        }
    }
}
