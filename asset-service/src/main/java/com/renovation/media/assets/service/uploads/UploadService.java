package com.renovation.media.assets.service.uploads;

import com.renovation.media.assets.config.UploadConfig;
import com.renovation.media.assets.service.audit.AuditedChanges;
import com.renovation.media.assets.service.audit.AuditActor;
import com.renovation.media.assets.repository.AssetStatus;
import com.renovation.media.assets.repository.RoomAsset;
import com.renovation.media.assets.repository.RoomAssetRepository;
import com.renovation.media.assets.rest.dto.AssetView;
import com.renovation.media.assets.rest.dto.ConfirmRequest;
import com.renovation.media.assets.rest.dto.LiveChanges;
import com.renovation.media.assets.rest.dto.UploadRequest;
import com.renovation.media.assets.rest.dto.UploadTicket;
import com.renovation.media.assets.service.assets.AssetService;
import com.renovation.media.assets.service.assets.MetadataRules;
import com.renovation.media.assets.service.reviews.RenderReview;
import com.renovation.media.assets.service.live.LiveEventKind;
import com.renovation.media.assets.service.live.LiveEvents;
import com.renovation.media.assets.service.plans.EffectivePlan;
import com.renovation.media.assets.service.plans.Plans;
import com.renovation.media.assets.service.plans.Quotas;
import com.renovation.media.assets.service.sessions.Access;
import com.renovation.media.assets.service.sweeps.StorageSweeps;
import com.renovation.media.assets.service.workspace.WorkspaceService;
import com.renovation.media.contracts.events.payload.AssetConfirmed;
import com.renovation.media.messaging.outbox.Outbox;
import com.renovation.media.storage.filetype.FileType;
import com.renovation.media.storage.inspection.Declaration;
import com.renovation.media.storage.inspection.Inspection;
import com.renovation.media.storage.inspection.UploadInspector;
import com.renovation.media.storage.layout.Buckets;
import com.renovation.media.storage.layout.SafeFilename;
import com.renovation.media.storage.layout.StoragePaths;
import com.renovation.media.storage.s3.ColdOriginals;
import com.renovation.media.storage.s3.ObjectStore;
import com.renovation.media.storage.s3.PresignedUrls;
import com.renovation.media.web.problem.ApiException;
import com.renovation.media.web.problem.ProblemKind;
import com.renovation.media.web.security.Caller;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The upload lifecycle: request (a pending row and a presigned PUT), the client's direct PUT to S3, then
 * confirm (the stored bytes are checked; the asset becomes {@code uploaded} and {@code asset.confirmed} is
 * emitted in the same transaction, or the refused object and its row are deleted).
 */
@AuditedChanges
@ApplicationScoped
public class UploadService {

    private final RoomAssetRepository assets;
    private final Access access;
    private final UploadRules rules;
    private final MetadataRules metadataRules;
    private final PresignedUrls urls;
    private final ObjectStore objects;
    private final UploadInspector inspector;
    private final Outbox outbox;
    private final AssetService assetService;
    private final MeterRegistry registry;
    private final StorageSweeps sweeps;
    private final LiveEvents live;
    private final WorkspaceService workspace;

    private final AuditActor audit;
    private final Plans plans;
    private final Quotas quotas;
    private final UploadConfig config;
    private final MultipartUploads multipart;
    private final ColdOriginals coldOriginals;

    public UploadService(RoomAssetRepository assets, Access access, UploadRules rules, MetadataRules metadataRules,
            PresignedUrls urls, ObjectStore objects, Outbox outbox, AssetService assetService, MeterRegistry registry,
            StorageSweeps sweeps, LiveEvents live, WorkspaceService workspace, AuditActor audit, Plans plans,
            Quotas quotas, UploadConfig config, MultipartUploads multipart, ColdOriginals coldOriginals) {
        this.config = config;
        this.coldOriginals = coldOriginals;
        this.multipart = multipart;
        this.plans = plans;
        this.quotas = quotas;
        this.audit = audit;
        this.workspace = workspace;
        this.assets = assets;
        this.access = access;
        this.rules = rules;
        this.metadataRules = metadataRules;
        this.urls = urls;
        this.objects = objects;
        this.inspector = new UploadInspector(objects);
        this.outbox = outbox;
        this.assetService = assetService;
        this.registry = registry;
        this.sweeps = sweeps;
        this.live = live;
        // at zero from the start, so rate() and the alerts see the first confirm or refusal of each type
        for (String type : UploadRules.assetTypes()) {
            registry.counter("assets.confirmed", "type", type);
            registry.counter("assets.rejected", "type", type);
        }
    }

    /**
     * Reserves the upload (a pending row, counted against the quota) and answers where to send the bytes: one
     * presigned PUT, or, for a large file or when asked, a multipart upload S3 starts once the row is committed.
     * {@code confirmUrl} is the confirm endpoint of an asset, as the client reaches it.
     */
    public Uni<UploadTicket> request(Caller caller, UploadRequest request, Function<UUID, String> confirmUrl) {
        FileType type = rules.checkRequest(request.assetType(), request.contentType(), request.size(),
                request.source());
        SafeFilename filename;
        try {
            filename = SafeFilename.of(request.filename());
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("filename", e.getMessage());
        }
        Set<UUID> references = metadataRules.check(request.metadata());
        boolean toWorkspace = Boolean.TRUE.equals(request.workspace());
        if (toWorkspace == (request.roomId() != null)) {
            throw ApiException.invalid("roomId", "give a roomId, or \"workspace\": true without one");
        }
        Optional<Long> partSize = multipart.partSizeFor(request.size(),
                rules.inParts(request.assetType(), request.multipart()), request.partSize());
        multipart.checkPartChecksums(request.size(), partSize, request.partSha256s());
        Uni<RoomAsset> reserved = audit.transaction(() -> reserve(caller, request, type, filename, references,
                toWorkspace, partSize));
        if (partSize.isPresent()) {
            return reserved.chain(asset -> multipart.open(asset, confirmUrl));
        }
        return reserved.map(asset -> {
            // the client writes to the incoming key only; confirm copies it to storagePath
            PresignedUrls.SignedUrl put = urls.upload(Buckets.USER_UPLOADS,
                    StoragePaths.incomingKey(asset.sessionId, asset.roomId, asset.id), asset.contentType,
                    asset.fileSize, Optional.ofNullable(asset.declaredSha256));
            return new UploadTicket(asset.id, put.url(), put.method(), put.headers(), put.expiresAt(),
                    asset.storagePath);
        });
    }

    private Uni<RoomAsset> reserve(Caller caller, UploadRequest request, FileType type, SafeFilename filename,
            Set<UUID> references, boolean toWorkspace, Optional<Long> partSize) {
        Uni<Access.RoomAccess> target = toWorkspace ? workspace.roomFor(caller)
                : access.room(request.roomId(), caller, Access.Mode.WRITE);
        return target
                .call(found -> assetService.requireKnown(found.session().id, references, request.metadata(), null))
                // the pending row inserted below is the reservation; the quota lock is held until commit
                .call(found -> refuseKnownBytes(found.session().id, request.sha256()))
                .call(found -> plans.ofCaller(caller).chain(effective -> quotas.reserveUpload(
                        found.session().ownerId, effective.plan(), type, request.size())))
                .chain(found -> {
                    RoomAsset asset = new RoomAsset();
                    asset.id = UUID.randomUUID();
                    asset.sessionId = found.session().id;
                    asset.roomId = found.room().id;
                    asset.uploadedBy = caller.userId();
                    asset.assetType = request.assetType();
                    asset.source = request.source() == null ? "user_upload" : request.source();
                    asset.status = AssetStatus.PENDING;
                    asset.originalFilename = filename.display();
                    asset.contentType = type.contentType();
                    asset.fileSize = request.size();
                    asset.metadata = request.metadata() == null ? new HashMap<>()
                            : RenderReview.keepReviewFields(request.metadata(), Map.of());
                    asset.createdAt = Instant.now();
                    asset.updatedAt = asset.createdAt;
                    asset.expiresAt = expiryOf(found, asset.createdAt, Boolean.TRUE.equals(request.temporary()));
                    asset.storagePath = StoragePaths.assetKey(asset.sessionId, asset.roomId, asset.assetType,
                            StoragePaths.uniqueTimestamp(), filename.keyPart());
                    asset.declaredSha256 = request.sha256() == null ? null
                            : request.sha256().toLowerCase(Locale.ROOT);
                    asset.partSize = partSize.orElse(null);
                    asset.partsAtOwnKey = partSize.isPresent();
                    asset.partSha256s = request.partSha256s() == null ? null
                            : request.partSha256s().stream().map(hex -> hex.toLowerCase(Locale.ROOT))
                                    .toArray(String[]::new);
                    return assets.persist(asset);
                });
    }

    /** A declared SHA-256 the session already holds: refused before any byte is sent. */
    private Uni<Void> refuseKnownBytes(UUID sessionId, String declaredSha256) {
        if (declaredSha256 == null) {
            return Uni.createFrom().voidItem();
        }
        return assets.sameBytesInSession(sessionId, declaredSha256.toLowerCase(Locale.ROOT))
                .invoke(existing -> {
                    if (existing != null) {
                        throw DuplicateUpload.of(existing.id);
                    }
                }).replaceWithVoid();
    }

    /** A temporary upload's expiry, or the workspace's if that comes first; null for a permanent one. */
    private Instant expiryOf(Access.RoomAccess target, Instant created, boolean temporary) {
        Instant workspaceExpiry = workspace.expiryOfNewAsset(target.session(), created);
        if (!temporary) {
            return workspaceExpiry;
        }
        Instant temporaryExpiry = created.plus(config.temporaryTtl());
        return workspaceExpiry != null && workspaceExpiry.isBefore(temporaryExpiry) ? workspaceExpiry
                : temporaryExpiry;
    }

    /**
     * Idempotent: a confirmed asset answers as it is (a refused one no longer exists). An upload in parts is
     * completed first, from {@code parts} (each part's ETag) or, without them, from the parts S3 holds.
     */
    public Uni<AssetView> confirm(Caller caller, UUID id, Optional<List<ConfirmRequest.ConfirmedPart>> parts) {
        return Panache.withSession(() -> access.asset(id, caller, Access.Mode.WRITE)).chain(found -> {
            RoomAsset asset = found.asset();
            return switch (asset.status) {
                case PENDING -> ConfirmTimer.step("complete " + asset.id,
                                asset.partSize == null ? Uni.createFrom().voidItem() : multipart.complete(asset, parts))
                        .chain(() -> inspect(() -> plans.ofCaller(caller), asset, found.session().ownerId, true));
                case FAILED -> Uni.createFrom().failure(new ApiException(ProblemKind.CONFLICT,
                        "the asset's variants failed: " + asset.failureReason));
                default -> assetService.view(asset.id);
            };
        });
    }

    /**
     * Confirms a pending asset whose object another service put at its incoming key (a paid processing's output),
     * through the same checks, move and announcement as an upload, with the owner's plan. Outside any transaction.
     * A refused object fails with {@link FileRefused}, its object and row gone, as for an upload.
     */
    public Uni<AssetView> confirmStored(RoomAsset pending, String ownerId) {
        return inspect(() -> plans.ofOwner(ownerId), pending, ownerId, false);
    }

    /**
     * Checks the bytes at the asset's own key, which no client can write: what was checked is what is served and
     * processed. An upload in parts is there already (completed, its part URLs write nothing more); one PUT's URL
     * stays valid for minutes after confirm, so its incoming object is copied there first (see {@link #toOwnKey}).
     */
    private Uni<AssetView> inspect(Supplier<Uni<EffectivePlan>> plan, RoomAsset asset, String ownerId,
            boolean refuseDuplicates) {
        Declaration declared = new Declaration(FileType.fromDeclared(asset.contentType).orElseThrow(),
                asset.fileSize, Optional.ofNullable(asset.declaredSha256));
        return (asset.partsAtOwnKey ? Uni.createFrom().voidItem() : toOwnKey(asset))
                .chain(() -> ConfirmTimer.step("inspect " + asset.id, inspector.inspect(Buckets.USER_UPLOADS,
                        asset.storagePath, declared, rules.policy(asset.assetType))))
                .chain(verdict -> {
                    if (verdict.isEmpty()) {
                        throw new ApiException(ProblemKind.UPLOAD_MISSING,
                                "PUT the file to the upload URL before confirming");
                    }
                    if (!(verdict.get() instanceof Inspection.Accepted accepted)) {
                        return reject(asset, ((Inspection.Refused) verdict.get()).reason());
                    }
                    if (!refuseDuplicates) {
                        return record(plan, asset, ownerId, accepted);
                    }
                    return Panache.withSession(() -> assets.sameBytesInSession(asset.sessionId, accepted.sha256(),
                            asset.id)).chain(existing -> existing == null ? record(plan, asset, ownerId, accepted)
                                    : discard(asset).chain(() -> Uni.createFrom().failure(
                                            DuplicateUpload.of(existing.id))));
                });
    }

    /**
     * A server-side copy of the incoming object at the asset's own key, the incoming one then deleted. The copy is
     * tagged as an original when the cold-storage rule is on, so that rule can tell it from its variants.
     */
    private Uni<Void> toOwnKey(RoomAsset asset) {
        String incoming = StoragePaths.incomingKey(asset.sessionId, asset.roomId, asset.id);
        return ConfirmTimer.step("copy " + asset.id, objects.copyAsOriginal(Buckets.USER_UPLOADS, incoming,
                        Buckets.USER_UPLOADS, asset.storagePath, coldOriginals.tagging()))
                .chain(() -> ConfirmTimer.step("delete incoming " + asset.id,
                        objects.delete(Buckets.USER_UPLOADS, incoming)))
                // nothing incoming: an earlier confirm may have copied it already; the inspection decides
                .onFailure(ObjectStore::isNotFound).recoverWithNull();
    }

    /**
     * The variants made follow the owner's plan (the caller's: only the owner confirms an upload). {@code plan} is
     * asked inside the transaction.
     */
    private Uni<AssetView> record(Supplier<Uni<EffectivePlan>> plan, RoomAsset inspected, String ownerId,
            Inspection.Accepted accepted) {
        return audit.transaction(() -> plan.get().chain(effective -> assets.lock(inspected.id).chain(asset -> {
                    if (asset == null) {
                        throw ApiException.notFound("asset " + inspected.id);
                    }
                    if (asset.status != AssetStatus.PENDING) {
                        return Uni.createFrom().voidItem(); // a concurrent confirm won
                    }
                    asset.status = AssetStatus.UPLOADED;
                    asset.sha256 = accepted.sha256();
                    asset.contentType = accepted.type().contentType();
                    accepted.dimensions().ifPresent(d -> {
                        asset.width = d.width();
                        asset.height = d.height();
                    });
                    asset.confirmedAt = Instant.now();
                    asset.updatedAt = asset.confirmedAt;
                    registry.counter("assets.confirmed", "type", asset.assetType).increment();
                    return outbox.add(new AssetConfirmed(asset.id, asset.sessionId, asset.roomId, ownerId,
                            asset.assetType, Buckets.USER_UPLOADS, asset.storagePath, asset.contentType,
                            asset.fileSize, accepted.sha256(), plans.limits(effective.plan()).variantFormats(),
                            asset.expiresAt == null ? null : asset.expiresAt.toString()))
                            .chain(() -> sweeps.incomingOf(asset))
                            .chain(() -> live.add(asset.sessionId, LiveEventKind.ASSET_CONFIRMED,
                                    LiveChanges.AssetChange.of(asset, List.of())));
                })))
                .chain(() -> assetService.view(inspected.id));
    }

    /**
     * A refused file leaves nothing behind: its object goes first, then its row; the 422 carries the reason.
     * If deleting the object fails, the row stays pending and the cleanup job retries both.
     */
    private Uni<AssetView> reject(RoomAsset inspected, String reason) {
        return discard(inspected).chain(() -> Uni.createFrom().failure(new FileRefused(reason)));
    }

    /** The upload's object goes first, then its row (nothing kept); the cleanup job retries what fails. */
    private Uni<Void> discard(RoomAsset inspected) {
        return objects.deleteAll(Buckets.USER_UPLOADS, List.of(inspected.storagePath,
                        StoragePaths.incomingKey(inspected.sessionId, inspected.roomId, inspected.id)))
                .chain(() -> audit.transaction(() -> assets.lock(inspected.id).chain(asset -> {
                    if (asset == null || asset.status != AssetStatus.PENDING) {
                        return Uni.createFrom().voidItem();
                    }
                    registry.counter("assets.rejected", "type", asset.assetType).increment();
                    return assets.delete(asset).chain(() -> sweeps.incomingOf(asset));
                })));
    }
}
