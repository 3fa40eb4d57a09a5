package com.renovation.media.catalog.service;

import com.renovation.media.catalog.repository.StyleImage;
import com.renovation.media.catalog.repository.StyleImageRepository;
import com.renovation.media.catalog.repository.StyleImageStatus;
import com.renovation.media.catalog.repository.StyleImageVariant;
import com.renovation.media.catalog.repository.StyleImageVariantRepository;
import com.renovation.media.contracts.events.payload.VariantFailed;
import com.renovation.media.contracts.events.payload.VariantReady;
import com.renovation.media.contracts.variants.VariantStatus;
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
 * Applies variant events of style images to this service's projection, inside the consumer's transaction: an
 * image turns {@code ready} once every variant the worker makes for it is ready, and every ready variant is
 * served at once, so each one publishes the image again ({@link ImagePublications}). Events about users' assets
 * belong to asset-service and are ignored here, as are events of deleted images. A variant must lie in the public
 * bucket under its image's own variant keys; any other is refused to the dead-letter topic.
 */
@ApplicationScoped
public class VariantProjection {

    private static final Logger LOG = Logger.getLogger(VariantProjection.class);
    /** A file name in the folder: no path, nothing a URL would read as a query or fragment. */
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9._-]+");
    private static final Pattern EXTENSION = Pattern.compile("[a-z0-9]{1,8}");

    private final StyleImageRepository images;
    private final StyleImageVariantRepository variants;
    private final ImagePublications publications;

    public VariantProjection(StyleImageRepository images, StyleImageVariantRepository variants,
            ImagePublications publications) {
        this.images = images;
        this.variants = variants;
        this.publications = publications;
    }

    /** Only events of style images arrive here (the consumer acknowledges the room assets' without a transaction). */
    public Uni<Void> ready(VariantReady event) {
        if (!Buckets.STYLES.equals(event.bucket())) {
            // a variant outside the public bucket could never be served by its URL
            throw new PermanentEventFailure("variant of style image " + event.sourceId() + " is in bucket "
                    + event.bucket() + ", not " + Buckets.STYLES);
        }
        return images.lock(event.sourceId()).chain(image -> {
            if (image == null) {
                LOG.debugf("variant of deleted style image %s ignored", event.sourceId());
                return Uni.createFrom().voidItem();
            }
            if (!isVariantKeyOf(image.storagePath, event)) {
                // its public URL would be served as this image's variant: a forged event could point it anywhere
                throw new PermanentEventFailure("variant of style image " + image.id + " names key "
                        + event.storagePath() + ", which is not one of its variants under "
                        + StoragePaths.variantPrefix(image.storagePath));
            }
            return upsert(image.id, event.variantType(), event.format()).chain(variant -> {
                variant.width = event.width();
                variant.height = event.height();
                variant.fileSize = event.fileSize();
                variant.storagePath = event.storagePath();
                variant.contentType = event.contentType();
                variant.status = VariantStatus.READY;
                variant.error = null;
                variant.processedAt = Instant.now();
                return variants.persist(variant).chain(() -> variants.flush());
            }).chain(() -> variants.countReady(image.id)).invoke(readyCount -> {
                if (readyCount >= event.expectedVariants() && image.status != StyleImageStatus.READY) {
                    image.status = StyleImageStatus.READY;
                    image.updatedAt = Instant.now();
                }
            }).chain(() -> publications.published(image));
        });
    }

    /**
     * Whether the key is the one the variant-worker gives this variant of the original: in the original's
     * variants folder, named after the original, the variant type and the size, with a plain extension.
     */
    static boolean isVariantKeyOf(String originalKey, VariantReady event) {
        String key = event.storagePath();
        String folder = StoragePaths.variantPrefix(originalKey);
        String stem = StoragePaths.variantKey(originalKey, event.variantType(), event.width(), event.height(), "");
        return key != null && key.startsWith(folder) && SAFE_NAME.matcher(key.substring(folder.length())).matches()
                && key.startsWith(stem) && EXTENSION.matcher(key.substring(stem.length())).matches();
    }

    /** Recorded for operators; the image stays {@code pending} and keeps being served as its original. */
    public Uni<Void> failed(VariantFailed event) {
        return images.lock(event.sourceId()).chain(image -> {
            if (image == null) {
                return Uni.createFrom().voidItem();
            }
            LOG.warnf("variant %s of style image %s failed after %d attempts: %s", event.variantType(), image.id,
                    event.attempts(), event.error());
            String format = event.format() == null ? "any" : event.format();
            return upsert(image.id, event.variantType(), format).chain(variant -> {
                if (variant.status == VariantStatus.READY) {
                    return Uni.createFrom().voidItem(); // a later success already arrived
                }
                variant.status = VariantStatus.FAILED;
                variant.error = event.error();
                variant.processedAt = Instant.now();
                return variants.persist(variant).replaceWithVoid();
            });
        });
    }

    private Uni<StyleImageVariant> upsert(UUID imageId, String variantType, String format) {
        return variants.find(imageId, variantType, format).map(found -> {
            if (found != null) {
                return found;
            }
            StyleImageVariant variant = new StyleImageVariant();
            variant.id = UUID.randomUUID();
            variant.imageId = imageId;
            variant.variantType = variantType;
            variant.format = format;
            variant.createdAt = Instant.now();
            return variant;
        });
    }
}
