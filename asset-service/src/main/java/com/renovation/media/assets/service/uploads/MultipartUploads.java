package com.renovation.media.assets.service.uploads;

import com.renovation.media.assets.config.UploadConfig;
import com.renovation.media.assets.repository.AssetStatus;
import com.renovation.media.assets.repository.RoomAsset;
import com.renovation.media.assets.repository.RoomAssetRepository;
import com.renovation.media.assets.rest.dto.ConfirmRequest;
import com.renovation.media.assets.rest.dto.PartUrl;
import com.renovation.media.assets.rest.dto.UploadTicket;
import com.renovation.media.assets.rest.dto.UploadedParts;
import com.renovation.media.assets.service.audit.AuditActor;
import com.renovation.media.assets.service.sessions.Access;
import com.renovation.media.storage.layout.Buckets;
import com.renovation.media.storage.layout.StoragePaths;
import com.renovation.media.storage.s3.ColdOriginals;
import com.renovation.media.storage.s3.MultipartStore;
import com.renovation.media.storage.s3.PresignedUrls;
import com.renovation.media.web.problem.ApiException;
import com.renovation.media.web.problem.ProblemKind;
import com.renovation.media.web.security.Caller;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * Uploads in parts: S3 starts the multipart upload once the pending row is committed (no network call inside a
 * transaction), the client PUTs each part to its presigned URL, asks for fresh URLs or for what S3 already holds when
 * its connection dropped, and confirm completes the upload before the usual checks. Deleting the pending asset aborts
 * it; so does {@link AbandonedUploadCleanup} for uploads left open past the pending TTL.
 *
 * <p>The upload is assembled at the asset's own key ({@link RoomAsset#partsAtOwnKey}): a part URL is bound to the
 * upload id, which completing ends, so after confirm's completion no client can change the bytes it checks. Only the
 * service completes (clients are given part URLs alone). Rows from before that assemble at the incoming key.
 */
@ApplicationScoped
public class MultipartUploads {

    private final MultipartStore store;
    private final PresignedUrls urls;
    private final RoomAssetRepository assets;
    private final Access access;
    private final AuditActor audit;
    private final UploadConfig config;
    private final ColdOriginals coldOriginals;

    public MultipartUploads(MultipartStore store, PresignedUrls urls, RoomAssetRepository assets, Access access,
            AuditActor audit, UploadConfig config, ColdOriginals coldOriginals) {
        this.coldOriginals = coldOriginals;
        this.store = store;
        this.urls = urls;
        this.assets = assets;
        this.access = access;
        this.audit = audit;
        this.config = config;
    }

    /**
     * The part size of an upload of {@code size} bytes in parts, or empty when it goes in one PUT: the client's
     * {@code chosen} one (5 MiB to 5 GiB, within 10,000 parts), else the configured one.
     */
    public Optional<Long> partSizeFor(long size, Boolean asked, Long chosen) {
        boolean inParts = asked != null ? asked : chosen != null || size > config.multipartThreshold();
        if (!inParts) {
            if (chosen != null) {
                throw ApiException.invalid("partSize", "only an upload in parts has parts");
            }
            return Optional.empty();
        }
        if (chosen == null) {
            return Optional.of(PartPlan.of(size, config.partSize()).partSize());
        }
        if (chosen < PartPlan.MIN_PART_SIZE || chosen > PartPlan.MAX_PART_SIZE
                || Math.ceilDiv(size, chosen) > PartPlan.MAX_PARTS) {
            throw ApiException.invalid("partSize", "must be between 5 MiB and 5 GiB, and cut the file into at most "
                    + PartPlan.MAX_PARTS + " parts");
        }
        return Optional.of(chosen);
    }

    /**
     * Checks the per-part SHA-256s a client declared: only an upload in parts has them, and then one for each part.
     */
    public void checkPartChecksums(long size, Optional<Long> partSize, List<String> partSha256s) {
        if (partSha256s == null) {
            return;
        }
        if (partSize.isEmpty()) {
            throw ApiException.invalid("partSha256s", "only an upload in parts has parts");
        }
        int parts = new PartPlan(size, partSize.get()).partCount();
        if (partSha256s.size() != parts) {
            throw ApiException.invalid("partSha256s", "must give the SHA-256 of each of the " + parts + " parts, in"
                    + " order (" + partSha256s.size() + " given)");
        }
    }

    /**
     * Starts the S3 upload of a committed pending row and answers its ticket. If S3 refuses, the row goes (nothing
     * half-written); if recording the upload id fails, the S3 upload is aborted. An upload at the asset's own key
     * becomes its original there, so it carries the originals' tag from the start when the cold-storage rule is on.
     */
    public Uni<UploadTicket> open(RoomAsset pending, Function<UUID, String> confirmUrl) {
        String key = uploadKey(pending);
        return store.start(Buckets.USER_UPLOADS, key, pending.contentType, pending.partSha256s != null,
                        pending.partsAtOwnKey ? coldOriginals.tagging() : Optional.empty())
                .onFailure().call(() -> audit.transaction(() -> assets.delete("id = ?1 and status = ?2", pending.id,
                        AssetStatus.PENDING)))
                .chain(uploadId -> audit.transaction(() -> assets.lock(pending.id).map(row -> {
                            if (row == null || row.status != AssetStatus.PENDING) {
                                throw ApiException.notFound("asset " + pending.id); // deleted meanwhile
                            }
                            row.multipartUploadId = uploadId;
                            return row;
                        }))
                        .onFailure().call(() -> store.abort(Buckets.USER_UPLOADS, key, uploadId)))
                .map(row -> {
                    PartPlan plan = plan(row);
                    List<PartUrl> parts = IntStream.rangeClosed(1, plan.partCount()).mapToObj(n -> partUrl(row, plan, n))
                            .toList();
                    return new UploadTicket(row.id, null, null, null, parts.get(0).expiresAt(), row.storagePath,
                            row.multipartUploadId, plan.partSize(), parts, confirmUrl.apply(row.id));
                });
    }

    /** Fresh URLs for some parts of the caller's pending upload in parts. */
    public Uni<List<PartUrl>> partUrls(Caller caller, UUID id, Collection<Integer> partNumbers) {
        return openUpload(caller, id, Access.Mode.WRITE).map(asset -> {
            PartPlan plan = plan(asset);
            TreeSet<Integer> wanted = new TreeSet<>(partNumbers);
            if (wanted.last() > plan.partCount()) {
                throw ApiException.invalid("partNumbers", "this upload has parts 1 to " + plan.partCount());
            }
            return wanted.stream().map(n -> partUrl(asset, plan, n)).toList();
        });
    }

    /** What S3 holds of a pending upload in parts the caller may read (its owner, or an admin). */
    public Uni<UploadedParts> uploaded(Caller caller, UUID id) {
        return openUpload(caller, id, Access.Mode.READ).chain(asset -> store.parts(Buckets.USER_UPLOADS, uploadKey(asset),
                        asset.multipartUploadId)
                .onFailure(MultipartStore::isGone).transform(gone -> notOpen(id))
                .map(parts -> new UploadedParts(asset.multipartUploadId, asset.partSize, plan(asset).partCount(),
                        parts.stream().map(p -> new UploadedParts.UploadedPart(p.partNumber(), p.etag(), p.size()))
                                .toList())));
    }

    /**
     * Joins the parts of a pending upload in parts into its object ({@link #uploadKey}), before confirm's checks. The parts
     * named must be 1 to N, each once; without any, the parts S3 holds are taken when they are all there. An upload
     * completed already (a confirm retried) passes: the checks that follow decide.
     */
    public Uni<Void> complete(RoomAsset asset, Optional<List<ConfirmRequest.ConfirmedPart>> named) {
        if (asset.multipartUploadId == null) { // the request that reserved it is still starting the S3 upload
            return Uni.createFrom().failure(new ApiException(ProblemKind.UPLOAD_MISSING,
                    "upload the parts before confirming"));
        }
        PartPlan plan = plan(asset);
        String key = uploadKey(asset);
        Uni<List<MultipartStore.NamedPart>> parts = named.map(list -> Uni.createFrom().item(checked(list, plan)))
                .orElseGet(() -> store.parts(Buckets.USER_UPLOADS, key, asset.multipartUploadId).map(held -> {
                    List<Integer> missing = IntStream.rangeClosed(1, plan.partCount()).boxed()
                            .filter(n -> held.stream().noneMatch(p -> p.partNumber() == n)).toList();
                    if (!missing.isEmpty()) {
                        throw new ApiException(ProblemKind.UPLOAD_MISSING, "parts " + missing
                                + " have not been uploaded yet");
                    }
                    return held.stream().map(p -> new MultipartStore.NamedPart(p.partNumber(), p.etag())).toList();
                }));
        return parts.map(list -> withChecksums(asset, list))
                .chain(list -> store.complete(Buckets.USER_UPLOADS, key, asset.multipartUploadId, list))
                .onFailure(MultipartStore::isInvalidParts).transform(e -> ApiException.invalid("parts",
                        "S3 does not hold these parts as named (an ETag differs, or a part is missing or smaller"
                                + " than 5 MiB): upload them again, or ask GET /assets/" + asset.id + "/parts"))
                .onFailure(MultipartStore::isGone).recoverWithNull();
    }

    /** The named parts with the checksums their URLs bound, which S3 wants again to complete such an upload. */
    private static List<MultipartStore.NamedPart> withChecksums(RoomAsset asset, List<MultipartStore.NamedPart> parts) {
        if (asset.partSha256s == null) {
            return parts;
        }
        return parts.stream().map(p -> new MultipartStore.NamedPart(p.partNumber(), p.etag(),
                PresignedUrls.base64(asset.partSha256s[p.partNumber() - 1]))).toList();
    }

    /** Aborts the S3 upload of an asset sent in parts, if any: its parts go, and no part URL writes any more. */
    public Uni<Void> abort(RoomAsset asset) {
        return asset.multipartUploadId == null ? Uni.createFrom().voidItem()
                : store.abort(Buckets.USER_UPLOADS, uploadKey(asset), asset.multipartUploadId);
    }

    private static List<MultipartStore.NamedPart> checked(List<ConfirmRequest.ConfirmedPart> named, PartPlan plan) {
        List<Integer> numbers = named.stream().map(ConfirmRequest.ConfirmedPart::partNumber).sorted().toList();
        if (!numbers.equals(IntStream.rangeClosed(1, plan.partCount()).boxed().toList())) {
            throw ApiException.invalid("parts", "name every part from 1 to " + plan.partCount() + " once");
        }
        return named.stream().map(p -> new MultipartStore.NamedPart(p.partNumber(), p.etag(), null)).toList();
    }

    /** The asset, when the caller may use it so and it is a pending upload in parts S3 has started. */
    private Uni<RoomAsset> openUpload(Caller caller, UUID id, Access.Mode mode) {
        return Panache.withSession(() -> access.asset(id, caller, mode)).map(found -> {
            RoomAsset asset = found.asset();
            if (asset.status != AssetStatus.PENDING || asset.multipartUploadId == null) {
                throw notOpen(id);
            }
            return asset;
        });
    }

    private static ApiException notOpen(UUID id) {
        return new ApiException(ProblemKind.CONFLICT, "asset " + id
                + " is not an upload in parts waiting for its bytes (sent in one PUT, or confirmed already)");
    }

    private PartUrl partUrl(RoomAsset asset, PartPlan plan, int partNumber) {
        long size = plan.sizeOf(partNumber);
        Optional<String> sha256 = asset.partSha256s == null ? Optional.empty()
                : Optional.of(asset.partSha256s[partNumber - 1]);
        PresignedUrls.SignedUrl signed = urls.uploadPart(Buckets.USER_UPLOADS, uploadKey(asset),
                asset.multipartUploadId, partNumber, size, sha256);
        return new PartUrl(partNumber, signed.url(), signed.method(), signed.headers(), size, signed.expiresAt());
    }

    private static PartPlan plan(RoomAsset asset) {
        return new PartPlan(asset.fileSize, asset.partSize);
    }

    /**
     * Where the asset's upload in parts is assembled: its own key, or for a row from before V21 its incoming key
     * (confirm then copies it over, as for one PUT).
     */
    public static String uploadKey(RoomAsset asset) {
        return asset.partsAtOwnKey ? asset.storagePath
                : StoragePaths.incomingKey(asset.sessionId, asset.roomId, asset.id);
    }
}
