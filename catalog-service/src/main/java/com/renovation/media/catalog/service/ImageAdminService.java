package com.renovation.media.catalog.service;

import com.renovation.media.catalog.config.CatalogConfig;
import com.renovation.media.catalog.repository.Style;
import com.renovation.media.catalog.repository.StyleImage;
import com.renovation.media.catalog.repository.StyleImageRepository;
import com.renovation.media.catalog.repository.StyleImageStatus;
import com.renovation.media.catalog.repository.StyleImageVariantRepository;
import com.renovation.media.catalog.repository.StyleRepository;
import com.renovation.media.catalog.rest.dto.AdminRequests;
import com.renovation.media.catalog.rest.dto.AdminViews;
import com.renovation.media.contracts.events.payload.CatalogImageAdded;
import com.renovation.media.messaging.outbox.Outbox;
import com.renovation.media.storage.filetype.FileType;
import com.renovation.media.storage.inspection.Declaration;
import com.renovation.media.storage.inspection.Inspection;
import com.renovation.media.storage.inspection.UploadInspector;
import com.renovation.media.storage.layout.Buckets;
import com.renovation.media.storage.layout.SafeFilename;
import com.renovation.media.storage.layout.StoragePaths;
import com.renovation.media.storage.s3.ObjectStore;
import com.renovation.media.storage.s3.PresignedUrls;
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
 * Admin writes of style images. An upload is declared (a row in status {@code uploading}, never served, and a
 * presigned PUT into the private staging bucket), PUT by the client straight to S3, then confirmed: the staged
 * bytes are copied where the client cannot write and checked like users' uploads; accepted, the checked copy is
 * copied into the public bucket and the image becomes {@code pending} with {@code catalog.image.added} (for its
 * variants) and {@code catalog.image.published} in the same transaction; refused, the staged objects and the row
 * are deleted. Unchecked bytes are never public. A change of what the image shows publishes it again; its
 * deletion withdraws it.
 */
@ApplicationScoped
public class ImageAdminService {

    private final StyleRepository styles;
    private final StyleImageRepository images;
    private final StyleImageVariantRepository variants;
    private final PresignedUrls urls;
    private final ObjectStore objects;
    private final UploadInspector inspector;
    private final Outbox outbox;
    private final ImagePublications publications;
    private final AdminViewFactory views;
    private final CatalogConfig config;

    public ImageAdminService(StyleRepository styles, StyleImageRepository images,
            StyleImageVariantRepository variants, PresignedUrls urls, ObjectStore objects,
            Outbox outbox, ImagePublications publications, AdminViewFactory views, CatalogConfig config) {
        this.styles = styles;
        this.images = images;
        this.variants = variants;
        this.urls = urls;
        this.objects = objects;
        this.inspector = new UploadInspector(objects);
        this.outbox = outbox;
        this.publications = publications;
        this.views = views;
        this.config = config;
    }

    @WithTransaction
    public Uni<AdminViews.UploadTicket> requestUpload(String slug, AdminRequests.ImageUpload request) {
        FileType type = ImageRules.declared(request.contentType()).orElseThrow(() -> ApiException.invalid(
                "contentType", "a style image must be image/jpeg, image/png or image/webp"));
        if (request.size() > config.maxImageBytes()) {
            throw ApiException.invalid("size", "must be between 1 and " + config.maxImageBytes() + " bytes");
        }
        SafeFilename filename;
        try {
            filename = SafeFilename.of(request.filename());
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("filename", e.getMessage());
        }
        String roomType = CatalogRules.roomType("roomType", CatalogRules.text(request.roomType()));
        List<String> tags = CatalogRules.tags("tags", request.tags());
        return requireStyle(slug).chain(style -> {
            String key = StoragePaths.styleImageKey(style.slug, filename.keyPart());
            return images.byStoragePath(key).chain(existing -> {
                if (existing != null && existing.status != StyleImageStatus.UPLOADING) {
                    throw new ApiException(ProblemKind.CONFLICT, "style " + slug + " already has an image stored as "
                            + filename.keyPart() + "; delete it first or choose another filename");
                }
                // an earlier declaration of the same file that was never confirmed is replaced
                Uni<Void> cleared = existing == null ? Uni.createFrom().voidItem()
                        : images.delete(existing).chain(() -> images.flush());
                return cleared.chain(() -> {
                    StyleImage image = new StyleImage();
                    image.id = UUID.randomUUID();
                    image.styleId = style.id;
                    image.storagePath = key;
                    image.filename = filename.display();
                    image.contentType = type.contentType();
                    image.fileSize = request.size();
                    image.roomType = roomType;
                    image.tags = tags;
                    image.caption = CatalogRules.text(request.caption());
                    image.altText = CatalogRules.text(request.altText());
                    image.displayOrder = request.displayOrder() == null ? 0 : request.displayOrder();
                    image.sourceUrl = CatalogRules.text(request.sourceUrl());
                    image.status = StyleImageStatus.UPLOADING;
                    image.createdAt = Instant.now();
                    image.updatedAt = image.createdAt;
                    return images.persist(image);
                });
            });
        }).map(image -> {
            PresignedUrls.SignedUrl put = urls.upload(Buckets.STYLES_STAGING, StoragePaths.stagedUploadKey(image.id),
                    image.contentType, image.fileSize);
            return new AdminViews.UploadTicket(image.id, put.url(), put.method(), put.headers(), put.expiresAt(),
                    image.storagePath);
        });
    }

    /** Idempotent: a confirmed image answers as it is. */
    public Uni<AdminViews.ImageView> confirm(UUID id) {
        return Panache.withSession(() -> images.findById(id)).chain(image -> {
            if (image == null) {
                throw ApiException.notFound("image " + id);
            }
            return image.status == StyleImageStatus.UPLOADING ? inspect(image) : get(id);
        });
    }

    private Uni<AdminViews.ImageView> inspect(StyleImage image) {
        String checked = StoragePaths.newStagedCheckedKey(image.id);
        Declaration declared = Declaration.of(FileType.fromDeclared(image.contentType).orElseThrow(), image.fileSize);
        return objects.copy(Buckets.STYLES_STAGING, StoragePaths.stagedUploadKey(image.id), Buckets.STYLES_STAGING,
                        checked)
                .chain(() -> inspector.inspect(Buckets.STYLES_STAGING, checked, declared,
                        ImageRules.policy(config)))
                .chain(verdict -> verdict.isEmpty() ? unstaged(image.id)
                        : verdict.get() instanceof Inspection.Accepted accepted ? accept(image, checked, accepted)
                        : reject(image, checked, ((Inspection.Refused) verdict.get()).reason()))
                // nothing to copy, or the staging deleted meanwhile (an image deleted during its confirm)
                .onFailure(ObjectStore::isNotFound).recoverWithUni(() -> unstaged(image.id));
    }

    /** Nothing staged: never PUT, or a concurrent confirm took it (and then answers for both). */
    private Uni<AdminViews.ImageView> unstaged(UUID id) {
        return Panache.withSession(() -> images.findById(id)).chain(image -> {
            if (image == null) {
                throw ApiException.notFound("image " + id);
            }
            if (image.status == StyleImageStatus.UPLOADING) {
                throw new ApiException(ProblemKind.UPLOAD_MISSING, "PUT the file to the upload URL before confirming");
            }
            return get(id);
        });
    }

    /**
     * Publishes the checked copy by a copy inside S3, clears the staging, then records the image. An image
     * deleted meanwhile takes its just-published object with it.
     */
    private Uni<AdminViews.ImageView> accept(StyleImage inspected, String checked, Inspection.Accepted accepted) {
        return objects.publish(Buckets.STYLES_STAGING, checked, Buckets.STYLES, inspected.storagePath)
                .chain(() -> objects.deleteAll(Buckets.STYLES_STAGING,
                        List.of(StoragePaths.stagedUploadKey(inspected.id), checked)))
                .chain(() -> Panache.withTransaction(() -> images.lock(inspected.id).chain(image -> {
                    if (image == null) {
                        return Uni.createFrom().item(false);
                    }
                    if (image.status != StyleImageStatus.UPLOADING) {
                        return Uni.createFrom().item(true); // a concurrent confirm won
                    }
                    image.status = StyleImageStatus.PENDING;
                    image.sha256 = accepted.sha256();
                    accepted.dimensions().ifPresent(d -> {
                        image.width = d.width();
                        image.height = d.height();
                    });
                    image.updatedAt = Instant.now();
                    return styles.findById(image.styleId).chain(style -> outbox.add(new CatalogImageAdded(image.id,
                            style.slug, Buckets.STYLES, image.storagePath, image.contentType)))
                            .chain(() -> publications.published(image)).replaceWith(true);
                })))
                .chain(recorded -> recorded ? get(inspected.id)
                        : objects.delete(Buckets.STYLES, inspected.storagePath).chain(() ->
                                Uni.createFrom().failure(ApiException.notFound("image " + inspected.id))));
    }

    /** Deletes the staged objects first, so no refused bytes stay behind; then the row. */
    private Uni<AdminViews.ImageView> reject(StyleImage inspected, String checked, String reason) {
        return objects.deleteAll(Buckets.STYLES_STAGING, List.of(StoragePaths.stagedUploadKey(inspected.id), checked))
                .chain(() -> Panache.withTransaction(() -> images.lock(inspected.id).chain(image ->
                        image != null && image.status == StyleImageStatus.UPLOADING ? images.delete(image)
                                : Uni.createFrom().voidItem())))
                .chain(() -> Uni.createFrom().failure(new ApiException(ProblemKind.FILE_REJECTED, reason)));
    }

    @WithSession
    public Uni<AdminViews.ImageView> get(UUID id) {
        return images.findById(id).chain(image -> {
            if (image == null) {
                throw ApiException.notFound("image " + id);
            }
            return view(image);
        });
    }

    @WithTransaction
    public Uni<AdminViews.ImageView> patch(UUID id, AdminRequests.PatchImage patch) {
        String roomType = patch.roomType() == null ? null
                : CatalogRules.roomType("roomType", CatalogRules.text(patch.roomType()));
        List<String> tags = patch.tags() == null ? null : CatalogRules.tags("tags", patch.tags());
        return images.lock(id).chain(image -> {
            if (image == null) {
                throw ApiException.notFound("image " + id);
            }
            String title = ImagePublications.title(image);
            String altText = image.altText;
            if (patch.caption() != null) {
                image.caption = CatalogRules.text(patch.caption());
            }
            if (patch.altText() != null) {
                image.altText = CatalogRules.text(patch.altText());
            }
            if (patch.roomType() != null) {
                image.roomType = roomType;
            }
            if (tags != null) {
                image.tags = tags;
            }
            if (patch.displayOrder() != null) {
                image.displayOrder = patch.displayOrder();
            }
            if (patch.sourceUrl() != null) {
                image.sourceUrl = CatalogRules.text(patch.sourceUrl());
            }
            image.updatedAt = Instant.now();
            boolean shownChanged = !Objects.equals(title, ImagePublications.title(image))
                    || !Objects.equals(altText, image.altText);
            return (shownChanged ? publications.published(image) : Uni.createFrom().voidItem())
                    .chain(() -> view(image));
        });
    }

    /**
     * The original, its variants and any staged upload leave S3 first (a failure there changes nothing), then
     * the rows.
     */
    public Uni<Void> delete(UUID id) {
        return Panache.withSession(() -> images.findById(id).chain(image -> {
                    if (image == null) {
                        throw ApiException.notFound("image " + id);
                    }
                    return variants.ofImage(id).map(list -> {
                        List<String> keys = new ArrayList<>();
                        keys.add(image.storagePath);
                        list.stream().map(v -> v.storagePath).filter(Objects::nonNull).forEach(keys::add);
                        return keys;
                    });
                }))
                .chain(keys -> objects.deleteAll(Buckets.STYLES, keys))
                .chain(() -> objects.deletePrefix(Buckets.STYLES_STAGING, StoragePaths.stagingFolder(id)))
                .chain(() -> Panache.withTransaction(() -> images.lock(id).chain(image -> image == null
                        ? Uni.createFrom().voidItem()
                        : publications.withdrawn(image).chain(() -> images.delete(image)))));
    }

    private Uni<AdminViews.ImageView> view(StyleImage image) {
        return styles.findById(image.styleId).chain(style -> variants.ofImage(image.id)
                .map(list -> views.of(image, style.slug, list)));
    }

    private Uni<Style> requireStyle(String slug) {
        return styles.bySlug(slug).invoke(style -> {
            if (style == null) {
                throw ApiException.notFound("style " + slug);
            }
        });
    }
}
