package com.renovation.media.catalog.service;

import com.renovation.media.catalog.repository.Style;
import com.renovation.media.catalog.repository.StyleImage;
import com.renovation.media.catalog.repository.StyleImageRepository;
import com.renovation.media.catalog.repository.StyleImageVariantRepository;
import com.renovation.media.catalog.repository.StyleRepository;
import com.renovation.media.catalog.rest.dto.AdminRequests;
import com.renovation.media.catalog.rest.dto.AdminViews;
import com.renovation.media.storage.layout.Buckets;
import com.renovation.media.storage.s3.ObjectStore;
import com.renovation.media.web.problem.ApiException;
import com.renovation.media.web.problem.ProblemKind;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Admin writes of styles. Deleting a style deletes its images, their variants and all their objects, and
 * withdraws its public images; creating, renaming and deleting a style announce it ({@link StylePublications}).
 */
@ApplicationScoped
public class StyleAdminService {

    private final StyleRepository styles;
    private final StyleImageRepository images;
    private final StyleImageVariantRepository variants;
    private final ObjectStore objects;
    private final ImagePublications publications;
    private final StylePublications stylePublications;
    private final AdminViewFactory views;

    public StyleAdminService(StyleRepository styles, StyleImageRepository images,
            StyleImageVariantRepository variants, ObjectStore objects, ImagePublications publications,
            StylePublications stylePublications, AdminViewFactory views) {
        this.stylePublications = stylePublications;
        this.styles = styles;
        this.images = images;
        this.variants = variants;
        this.objects = objects;
        this.publications = publications;
        this.views = views;
    }

    @WithSession
    public Uni<AdminViews.StyleView> get(String slug) {
        return require(slug).map(views::of);
    }

    @WithTransaction
    public Uni<AdminViews.StyleView> create(AdminRequests.CreateStyle request) {
        String slug = CatalogRules.slug("slug", request.slug());
        return styles.bySlug(slug).chain(existing -> {
            if (existing != null) {
                throw new ApiException(ProblemKind.CONFLICT, "a style with slug " + slug + " already exists");
            }
            Style style = new Style();
            style.id = UUID.randomUUID();
            style.slug = slug;
            style.name = request.name().strip();
            style.description = CatalogRules.text(request.description());
            style.displayOrder = request.displayOrder() == null ? 0 : request.displayOrder();
            style.createdAt = Instant.now();
            style.updatedAt = style.createdAt;
            return styles.persist(style).call(stylePublications::changed);
        }).map(views::of);
    }

    @WithTransaction
    public Uni<AdminViews.StyleView> patch(String slug, AdminRequests.PatchStyle patch) {
        if (patch.name() != null && patch.name().isBlank()) {
            throw ApiException.invalid("name", "must not be blank");
        }
        return require(slug).chain(style -> {
            boolean renamed = patch.name() != null && !patch.name().strip().equals(style.name);
            if (patch.name() != null) {
                style.name = patch.name().strip();
            }
            if (patch.description() != null) {
                style.description = CatalogRules.text(patch.description());
            }
            if (patch.displayOrder() != null) {
                style.displayOrder = patch.displayOrder();
            }
            style.updatedAt = Instant.now();
            return (renamed ? stylePublications.changed(style) : Uni.createFrom().voidItem())
                    .map(ignored -> views.of(style));
        });
    }

    /**
     * Objects first (a failure there changes nothing), then the rows (images and variants cascade). The images
     * are locked before they are withdrawn, so one confirmed meanwhile is withdrawn too.
     */
    public Uni<Void> delete(String slug) {
        return Panache.withSession(() -> require(slug).chain(style -> images.ofStyle(style.id)
                        .chain(list -> variants.ofImages(list.stream().map(i -> i.id).toList()).map(vs -> {
                            List<String> keys = new ArrayList<>(list.stream().map(i -> i.storagePath).toList());
                            vs.stream().map(v -> v.storagePath).filter(Objects::nonNull).forEach(keys::add);
                            return keys;
                        }))))
                .chain(keys -> objects.deleteAll(Buckets.STYLES, keys))
                .chain(() -> Panache.withTransaction(() -> styles.bySlug(slug)
                        .chain(style -> style == null ? Uni.createFrom().voidItem()
                                : images.lockOfStyle(style.id).chain(this::withdrawAll)
                                        .chain(() -> stylePublications.deleted(style))
                                        .chain(() -> styles.delete(style)))));
    }

    private Uni<Void> withdrawAll(List<StyleImage> list) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (StyleImage image : list) {
            chain = chain.chain(() -> publications.withdrawn(image));
        }
        return chain;
    }

    Uni<Style> require(String slug) {
        return styles.bySlug(slug).invoke(style -> {
            if (style == null) {
                throw ApiException.notFound("style " + slug);
            }
        });
    }
}
