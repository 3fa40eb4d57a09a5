package com.renovation.media.assets.service.assets;

import com.renovation.media.assets.service.audit.AuditedChanges;
import com.renovation.media.assets.service.audit.AuditActor;
import com.renovation.media.assets.repository.AssetStatus;
import com.renovation.media.assets.repository.AssetVariant;
import com.renovation.media.assets.repository.AssetVariantRepository;
import com.renovation.media.assets.repository.RoomAsset;
import com.renovation.media.assets.repository.RoomAssetRepository;
import com.renovation.media.assets.rest.dto.AssetPatch;
import com.renovation.media.assets.rest.dto.AssetView;
import com.renovation.media.assets.rest.dto.LiveChanges;
import com.renovation.media.assets.rest.dto.ReviewRequest;
import com.renovation.media.assets.service.reviews.RenderReview;
import com.renovation.media.assets.service.catalog.StyleCheck;
import com.renovation.media.assets.service.live.LiveEventKind;
import com.renovation.media.assets.service.live.LiveEvents;
import com.renovation.media.assets.service.sessions.Access;
import com.renovation.media.assets.service.uploads.MultipartUploads;
import com.renovation.media.assets.service.sweeps.StorageSweeps;
import com.renovation.media.assets.service.uploads.UploadRules;
import com.renovation.media.contracts.events.payload.AssetDeleted;
import com.renovation.media.messaging.outbox.Outbox;
import com.renovation.media.storage.layout.Buckets;
import com.renovation.media.storage.layout.StoragePaths;
import com.renovation.media.storage.s3.ObjectStore;
import com.renovation.media.web.paging.Page;
import com.renovation.media.web.paging.SortKey;
import com.renovation.media.web.problem.ApiException;
import com.renovation.media.web.security.Caller;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Reading, listing, editing and hard-deleting assets. */
@AuditedChanges
@ApplicationScoped
public class AssetService {

    private final RoomAssetRepository assets;
    private final AssetVariantRepository variants;
    private final Access access;
    private final AssetViews views;
    private final MetadataRules metadataRules;
    private final ObjectStore objects;
    private final Outbox outbox;
    private final StorageSweeps sweeps;
    private final LiveEvents live;

    private final AuditActor audit;
    private final StyleCheck styles;

    private final MultipartUploads multipart;

    public AssetService(RoomAssetRepository assets, AssetVariantRepository variants, Access access,
            AssetViews views, MetadataRules metadataRules, ObjectStore objects, Outbox outbox, StorageSweeps sweeps, LiveEvents live, AuditActor audit,
            StyleCheck styles, MultipartUploads multipart) {
        this.multipart = multipart;
        this.styles = styles;
        this.audit = audit;
        this.sweeps = sweeps;
        this.assets = assets;
        this.variants = variants;
        this.access = access;
        this.views = views;
        this.metadataRules = metadataRules;
        this.objects = objects;
        this.outbox = outbox;
        this.live = live;
    }

    @WithSession
    public Uni<AssetView> get(Caller caller, UUID id) {
        return access.asset(id, caller, Access.Mode.READ).chain(found -> withVariants(found.asset()));
    }

    /** The view of an asset the caller was already allowed to see. */
    @WithSession
    public Uni<AssetView> view(UUID id) {
        return assets.findById(id).chain(asset -> {
            if (asset == null) {
                throw ApiException.notFound("asset " + id);
            }
            return withVariants(asset);
        });
    }

    private Uni<AssetView> withVariants(RoomAsset asset) {
        return variants.ofAsset(asset.id).map(list -> views.of(asset, list));
    }

    @WithSession
    public Uni<Page<AssetView>> listRoom(Caller caller, UUID roomId, String type, String cursor, int limit) {
        if (type != null && !UploadRules.isKnownType(type)) {
            throw ApiException.invalid("type", "must be one of " + UploadRules.TYPES);
        }
        return access.room(roomId, caller, Access.Mode.READ)
                .chain(found -> assets.pageOfRoom(roomId, type, SortKey.decode(cursor), limit + 1))
                .chain(rows -> page(rows, limit, a -> new SortKey(a.displayOrder, a.createdAt, a.id)));
    }

    /** A session's assets across its rooms, newest first, optionally of one type and status. */
    @WithSession
    public Uni<Page<AssetView>> listSession(Caller caller, UUID sessionId, String type, String status, String cursor,
            int limit) {
        if (type != null && !UploadRules.isKnownType(type)) {
            throw ApiException.invalid("type", "must be one of " + UploadRules.TYPES);
        }
        AssetStatus wanted = status == null ? null : AssetStatus.find(status).orElseThrow(() -> ApiException
                .invalid("status", "must be one of " + AssetStatus.allValues()));
        return access.session(sessionId, caller, Access.Mode.READ)
                .chain(found -> assets.pageOfSession(sessionId, type, wanted, SortKey.decode(cursor), limit + 1))
                .chain(rows -> page(rows, limit, a -> new SortKey(0, a.createdAt, a.id)));
    }

    private Uni<Page<AssetView>> page(List<RoomAsset> rows, int limit, Function<RoomAsset, SortKey> key) {
        return variants.ofAssets(rows.stream().map(a -> a.id).toList()).map(all -> {
            Map<UUID, List<AssetVariant>> byAsset = all.stream().collect(Collectors.groupingBy(v -> v.parentAssetId));
            return Page.of(rows, limit, a -> key.apply(a).encode(),
                    a -> views.of(a, byAsset.getOrDefault(a.id, List.of())));
        });
    }

    @WithTransaction
    public Uni<AssetView> patch(Caller caller, UUID id, AssetPatch patch) {
        Set<UUID> references = metadataRules.check(patch.metadata());
        return access.asset(id, caller, Access.Mode.WRITE).chain(found -> {
            RoomAsset asset = found.asset();
            if (patch.metadata() != null && asset.id.toString().equals(patch.metadata().get("basedOnAssetId"))) {
                throw ApiException.invalid("metadata.basedOnAssetId", "an asset cannot be based on itself");
            }
            return requireKnown(asset.sessionId, references, patch.metadata(), asset.metadata).map(ignored -> {
                if (patch.caption() != null) {
                    asset.caption = patch.caption().isBlank() ? null : patch.caption().strip();
                }
                if (patch.altText() != null) {
                    asset.altText = patch.altText().isBlank() ? null : patch.altText().strip();
                }
                if (patch.displayOrder() != null) {
                    asset.displayOrder = patch.displayOrder();
                }
                if (patch.metadata() != null) {
                    asset.metadata = RenderReview.keepReviewFields(patch.metadata(), asset.metadata);
                }
                asset.updatedAt = Instant.now();
                return asset;
            });
        }).chain(this::withVariants);
    }

    /** Moves a render through its review; the owner decides (admins read only, as everywhere). */
    @WithTransaction
    public Uni<AssetView> review(Caller caller, UUID id, ReviewRequest request) {
        return access.asset(id, caller, Access.Mode.WRITE)
                .chain(found -> assets.lock(found.asset().id))
                .chain(asset -> {
                    asset.metadata = RenderReview.apply(asset.assetType, asset.metadata, request.decision(),
                            request.note(), caller.userId(), Instant.now());
                    asset.updatedAt = Instant.now();
                    return withVariants(asset);
                });
    }

    /**
     * What metadata names must exist: referenced assets in the same session, a new {@code styleApplied} in the
     * catalog ({@code stored}: the metadata before this change, null for a new asset).
     */
    public Uni<Void> requireKnown(UUID sessionId, Set<UUID> references, Map<String, Object> metadata,
            Map<String, Object> stored) {
        return requireInSession(sessionId, references).call(() -> styles.require(metadata, stored));
    }

    /** Referenced assets must exist in the same session: metadata never points into another user's data. */
    private Uni<Void> requireInSession(UUID sessionId, Set<UUID> references) {
        if (references.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return assets.countInSession(sessionId, List.copyOf(references)).invoke(found -> {
            if (found != references.size()) {
                throw ApiException.invalid("metadata", "referenced assets must belong to the same session");
            }
        }).replaceWithVoid();
    }

    /**
     * Hard delete: the original and its variants leave S3 first (a failure there changes nothing), then the
     * row, with {@code asset.deleted} in the same transaction.
     */
    public Uni<Void> delete(Caller caller, UUID id) {
        return Panache.withSession(() -> access.asset(id, caller, Access.Mode.WRITE)
                        .chain(found -> variants.ofAsset(id).map(list -> {
                            List<String> keys = new ArrayList<>();
                            keys.add(found.asset().storagePath);
                            RoomAsset asset = found.asset();
                            keys.add(StoragePaths.incomingKey(asset.sessionId, asset.roomId, asset.id));
                            list.stream().map(v -> v.storagePath).filter(Objects::nonNull).forEach(keys::add);
                            return new Removal(asset, keys);
                        })))
                // an upload in parts still open: its parts go, and no part URL can write the object afterwards
                .call(removal -> multipart.abort(removal.asset()))
                .map(Removal::keys)
                .chain(keys -> objects.deleteAll(Buckets.USER_UPLOADS, keys).replaceWith(keys))
                .chain(keys -> audit.transaction(() -> assets.lock(id).chain(asset -> {
                    if (asset == null) {
                        return Uni.createFrom().voidItem(); // a concurrent delete finished first
                    }
                    return assets.delete(asset).chain(() -> outbox.add(new AssetDeleted(asset.id, asset.sessionId,
                            asset.roomId, Buckets.USER_UPLOADS, keys))).chain(() -> sweeps.incomingOf(asset))
                            .chain(() -> live.add(asset.sessionId, LiveEventKind.ASSET_DELETED,
                                    new LiveChanges.AssetRemoved(asset.id, asset.sessionId, asset.roomId)));
                })));
    }

    /** An asset about to be deleted, and every key of its objects. */
    private record Removal(RoomAsset asset, List<String> keys) {
    }
}
