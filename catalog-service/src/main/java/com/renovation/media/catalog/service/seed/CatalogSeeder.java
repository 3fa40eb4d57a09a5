package com.renovation.media.catalog.service.seed;

import com.renovation.media.catalog.config.CatalogConfig;
import com.renovation.media.catalog.repository.Style;
import com.renovation.media.catalog.repository.StyleImage;
import com.renovation.media.catalog.repository.StyleImageRepository;
import com.renovation.media.catalog.repository.StyleImageStatus;
import com.renovation.media.catalog.repository.StyleImageVariantRepository;
import com.renovation.media.catalog.repository.StyleRepository;
import com.renovation.media.catalog.service.ImagePublications;
import com.renovation.media.catalog.service.StylePublications;
import com.renovation.media.catalog.service.ImageRules;
import com.renovation.media.catalog.service.seed.SeedPlan.PlannedImage;
import com.renovation.media.catalog.service.seed.SeedPlan.PlannedStyle;
import com.renovation.media.contracts.events.payload.CatalogImageAdded;
import com.renovation.media.messaging.outbox.Outbox;
import com.renovation.media.storage.layout.Buckets;
import com.renovation.media.storage.layout.StoragePaths;
import com.renovation.media.storage.s3.ObjectStore;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Brings the catalog in line with a seed manifest, idempotently: a style or image row changes (and its
 * {@code updated_at} moves) only when a manifest field differs; an object is uploaded only when it is missing
 * or its SHA-256 differs from the manifest's file. New images and new content emit {@code catalog.image.added}
 * (for their variants) in the same transaction, and every image row that changes emits
 * {@code catalog.image.published}. Entries missing from the manifest are reported, never deleted. The whole
 * run holds a transaction-scoped advisory lock, so replicas starting together seed one after the other (the
 * later ones find nothing to do).
 */
@ApplicationScoped
public class CatalogSeeder {

    private static final Logger LOG = Logger.getLogger(CatalogSeeder.class);
    private static final String LOCK = "SELECT count(*) FROM (SELECT pg_advisory_xact_lock(hashtext('catalog.seed')))"
            + " AS locked";

    private final StyleRepository styles;
    private final StyleImageRepository images;
    private final StyleImageVariantRepository variants;
    private final ObjectStore objects;
    private final Outbox outbox;
    private final ImagePublications publications;
    private final StylePublications stylePublications;
    private final CatalogConfig config;

    public CatalogSeeder(StyleRepository styles, StyleImageRepository images, StyleImageVariantRepository variants,
            ObjectStore objects, Outbox outbox, ImagePublications publications, StylePublications stylePublications,
            CatalogConfig config) {
        this.stylePublications = stylePublications;
        this.styles = styles;
        this.images = images;
        this.variants = variants;
        this.objects = objects;
        this.outbox = outbox;
        this.publications = publications;
        this.config = config;
    }

    /** Seeds the configured manifest ({@code platform.catalog.seed-manifest}). */
    public Uni<SeedReport> seedConfigured() {
        return Uni.createFrom().item(() -> SeedManifestLoader.load(config.seedManifest())).chain(this::seed);
    }

    public Uni<SeedReport> seed(SeedBundle bundle) {
        return Uni.createFrom().item(() -> SeedPlan.of(bundle, ImageRules.policy(config)))
                .chain(plan -> Panache.withTransaction(() -> Panache.getSession()
                        .chain(session -> session.createNativeQuery(LOCK).getSingleResult())
                        .chain(() -> apply(plan))))
                .invoke(this::log);
    }

    private Uni<SeedReport> apply(SeedPlan plan) {
        SeedReport.Tally tally = new SeedReport.Tally();
        return inOrder(plan.styles(), planned -> style(plan.catalog(), planned, tally)
                        .chain(style -> inOrder(planned.images(), image -> image(plan.catalog(), style, image, tally))))
                .chain(() -> findRemoved(plan, tally))
                .map(ignored -> tally.report(plan.catalog()));
    }

    private Uni<Style> style(String catalog, PlannedStyle planned, SeedReport.Tally tally) {
        return styles.bySlug(planned.slug()).chain(style -> {
            Instant now = Instant.now();
            if (style == null) {
                Style created = new Style();
                created.id = UUID.randomUUID();
                created.slug = planned.slug();
                created.name = planned.name();
                created.description = planned.description();
                created.displayOrder = planned.displayOrder();
                created.seedCatalog = catalog;
                created.createdAt = now;
                created.updatedAt = now;
                tally.stylesCreated++;
                return styles.persist(created).call(stylePublications::changed);
            }
            boolean same = Objects.equals(style.name, planned.name())
                    && Objects.equals(style.description, planned.description())
                    && style.displayOrder == planned.displayOrder() && Objects.equals(style.seedCatalog, catalog);
            boolean renamed = !Objects.equals(style.name, planned.name());
            if (same) {
                tally.stylesUnchanged++;
            } else {
                style.name = planned.name();
                style.description = planned.description();
                style.displayOrder = planned.displayOrder();
                style.seedCatalog = catalog;
                style.updatedAt = now;
                tally.stylesUpdated++;
            }
            return renamed ? stylePublications.changed(style).replaceWith(style) : Uni.createFrom().item(style);
        });
    }

    private Uni<Void> image(String catalog, Style style, PlannedImage planned, SeedReport.Tally tally) {
        return images.byStoragePath(planned.storagePath()).chain(existing -> {
            boolean sameContent = existing != null && existing.status != StyleImageStatus.UPLOADING
                    && planned.sha256().equals(existing.sha256);
            return storeObject(planned, sameContent, tally).chain(() -> {
                if (existing == null) {
                    return create(catalog, style, planned, tally);
                }
                if (!sameContent) {
                    return replaceContent(catalog, style, existing, planned, tally);
                }
                if (sameFields(catalog, style, existing, planned)) {
                    tally.imagesUnchanged++;
                    return Uni.createFrom().voidItem();
                }
                copyFields(catalog, style, existing, planned);
                existing.updatedAt = Instant.now();
                tally.imagesUpdated++;
                return publications.published(existing);
            });
        });
    }

    /** Uploads unless the row's checksum matches and the object is there with the right size. */
    private Uni<Void> storeObject(PlannedImage planned, boolean sameContent, SeedReport.Tally tally) {
        Uni<Boolean> present = sameContent ? objects.head(Buckets.STYLES, planned.storagePath())
                .map(info -> info.isPresent() && info.get().size() == planned.bytes().length)
                : Uni.createFrom().item(false);
        return present.chain(ok -> {
            if (ok) {
                return Uni.createFrom().voidItem();
            }
            tally.objectsUploaded++;
            return objects.putPublicRead(Buckets.STYLES, planned.storagePath(), planned.bytes(), planned.contentType());
        });
    }

    private Uni<Void> create(String catalog, Style style, PlannedImage planned, SeedReport.Tally tally) {
        StyleImage image = new StyleImage();
        image.id = UUID.randomUUID();
        image.storagePath = planned.storagePath();
        image.createdAt = Instant.now();
        image.updatedAt = image.createdAt;
        image.status = StyleImageStatus.PENDING;
        image.sha256 = planned.sha256();
        copyFields(catalog, style, image, planned);
        tally.imagesCreated++;
        return images.persist(image).chain(() -> added(style, image));
    }

    /** The file changed: its old variants are stale, so they go (objects and rows) and new ones are asked for. */
    private Uni<Void> replaceContent(String catalog, Style style, StyleImage image, PlannedImage planned,
            SeedReport.Tally tally) {
        return variants.ofImage(image.id).chain(stale -> {
            List<String> keys = stale.stream().map(v -> v.storagePath).filter(Objects::nonNull)
                    .filter(key -> !key.equals(planned.storagePath())).toList();
            return objects.deleteAll(Buckets.STYLES, keys)
                    .chain(() -> variants.delete("imageId", image.id));
        }).chain(() -> {
            copyFields(catalog, style, image, planned);
            image.sha256 = planned.sha256();
            image.status = StyleImageStatus.PENDING;
            image.updatedAt = Instant.now();
            tally.imagesUpdated++;
            return added(style, image);
        });
    }

    /** New content: the worker makes its variants; meanwhile the image is public as its original alone. */
    private Uni<Void> added(Style style, StyleImage image) {
        return outbox.add(new CatalogImageAdded(image.id, style.slug, Buckets.STYLES, image.storagePath,
                image.contentType)).chain(() -> publications.published(image));
    }

    private static boolean sameFields(String catalog, Style style, StyleImage image, PlannedImage planned) {
        return Objects.equals(image.styleId, style.id) && Objects.equals(image.filename, planned.filename())
                && Objects.equals(image.contentType, planned.contentType())
                && image.fileSize == planned.bytes().length
                && Objects.equals(image.width, planned.width()) && Objects.equals(image.height, planned.height())
                && Objects.equals(image.caption, planned.caption()) && Objects.equals(image.altText, planned.altText())
                && Objects.equals(image.roomType, planned.roomType())
                && Objects.equals(image.tags == null ? List.of() : image.tags, planned.tags())
                && image.displayOrder == planned.displayOrder()
                && Objects.equals(image.sourceUrl, planned.sourceUrl())
                && Objects.equals(image.seedCatalog, catalog);
    }

    private static void copyFields(String catalog, Style style, StyleImage image, PlannedImage planned) {
        image.styleId = style.id;
        image.filename = planned.filename();
        image.contentType = planned.contentType();
        image.fileSize = planned.bytes().length;
        image.width = planned.width();
        image.height = planned.height();
        image.caption = planned.caption();
        image.altText = planned.altText();
        image.roomType = planned.roomType();
        image.tags = new java.util.ArrayList<>(planned.tags());
        image.displayOrder = planned.displayOrder();
        image.sourceUrl = planned.sourceUrl();
        image.seedCatalog = catalog;
    }

    /** Rows this catalog seeded earlier whose entries the manifest no longer has. */
    private Uni<Void> findRemoved(SeedPlan plan, SeedReport.Tally tally) {
        Set<String> slugs = plan.styles().stream().map(PlannedStyle::slug).collect(Collectors.toSet());
        Set<String> keys = plan.styles().stream().flatMap(s -> s.images().stream()).map(PlannedImage::storagePath)
                .collect(Collectors.toSet());
        return styles.ofSeedCatalog(plan.catalog()).invoke(seeded -> seeded.stream().map(s -> s.slug)
                        .filter(slug -> !slugs.contains(slug)).forEach(tally.removedStyles::add))
                .chain(() -> images.ofSeedCatalog(plan.catalog())).invoke(seeded -> seeded.stream()
                        .map(i -> i.storagePath).filter(key -> !keys.contains(key))
                        .map(StoragePaths::styleImageName)
                        .forEach(tally.removedImages::add))
                .replaceWithVoid();
    }

    private void log(SeedReport report) {
        LOG.infof("catalog %s seeded: styles %d created, %d updated, %d unchanged; images %d created, %d updated,"
                + " %d unchanged; %d objects uploaded", report.catalog(), report.stylesCreated(),
                report.stylesUpdated(), report.stylesUnchanged(), report.imagesCreated(), report.imagesUpdated(),
                report.imagesUnchanged(), report.objectsUploaded());
        if (!report.removedStyles().isEmpty() || !report.removedImages().isEmpty()) {
            LOG.warnf("catalog %s: entries no longer in the seed manifest were kept (delete them through the admin"
                    + " API if they should go): styles %s, images %s", report.catalog(), report.removedStyles(),
                    report.removedImages());
        }
    }

    private static <T> Uni<Void> inOrder(List<T> items, Function<T, Uni<?>> step) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (T item : items) {
            chain = chain.chain(() -> step.apply(item)).replaceWithVoid();
        }
        return chain;
    }
}
