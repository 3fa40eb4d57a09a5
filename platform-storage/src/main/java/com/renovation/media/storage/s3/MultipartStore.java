package com.renovation.media.storage.s3;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.ListMultipartUploadsResponse;
import software.amazon.awssdk.services.s3.model.ListPartsResponse;
import software.amazon.awssdk.services.s3.model.NoSuchUploadException;
import software.amazon.awssdk.services.s3.model.ObjectCannedACL;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * S3 multipart uploads: a large file travels as parts the client PUTs to presigned URLs
 * ({@link PresignedUrls#uploadPart}), any of which can be sent again after a dropped connection; completing
 * joins them into one object. Every call is one S3 request (listing: one per page), never inside a transaction.
 */
@ApplicationScoped
public class MultipartStore {

    /** A part S3 holds: its number, the ETag the client must name to complete, and its size. */
    public record StoredPart(int partNumber, String etag, long size) {
    }

    /**
     * A part the client names to complete the upload; {@code sha256Base64} is the part's checksum when the upload
     * was started with checksums (S3 then wants each part's again), else null.
     */
    public record NamedPart(int partNumber, String etag, String sha256Base64) {

        public NamedPart(int partNumber, String etag) {
            this(partNumber, etag, null);
        }
    }

    /** An upload not completed or aborted yet. */
    public record OpenUpload(String key, String uploadId, Instant initiated) {
    }

    private final S3AsyncClient s3;

    public MultipartStore(S3AsyncClient s3) {
        this.s3 = s3;
    }

    /** Starts an upload to {@code key} of a private object; answers its upload id. */
    public Uni<String> start(String bucket, String key, String contentType) {
        return start(bucket, key, contentType, false);
    }

    /** Starts an upload of a variant: stored as {@link ObjectStore#putVariant} stores one. */
    public Uni<String> startVariant(String bucket, String key, String contentType) {
        return CallerContext.call(() -> s3.createMultipartUpload(b -> b.bucket(bucket).key(key)
                .contentType(contentType).acl(ObjectStore.aclOfVariant(bucket))
                .cacheControl(CacheControl.ofVariant(bucket)))).map(created -> created.uploadId());
    }

    /**
     * As {@link #start(String, String, String)}; with {@code sha256PerPart}, every part must carry its SHA-256
     * ({@code x-amz-checksum-sha256}, bound into its URL by {@link PresignedUrls#uploadPart}), which S3 verifies.
     */
    public Uni<String> start(String bucket, String key, String contentType, boolean sha256PerPart) {
        return start(bucket, key, contentType, sha256PerPart, Optional.empty());
    }

    /**
     * As {@link #start(String, String, String, boolean)}, the object completed with {@code tagging} (a URL-encoded
     * tag set, {@link ColdOriginals#tagging}): for an upload that becomes an original where it is assembled.
     */
    public Uni<String> start(String bucket, String key, String contentType, boolean sha256PerPart,
            Optional<String> tagging) {
        return CallerContext.call(() -> s3.createMultipartUpload(b -> {
            b.bucket(bucket).key(key).contentType(contentType).acl(ObjectCannedACL.PRIVATE);
            if (sha256PerPart) {
                b.checksumAlgorithm(ChecksumAlgorithm.SHA256);
            }
            tagging.ifPresent(b::tagging);
        })).map(created -> created.uploadId());
    }

    /** The parts S3 holds for the upload, by part number; a completed or aborted upload fails ({@link #isGone}). */
    public Uni<List<StoredPart>> parts(String bucket, String key, String uploadId) {
        return CallerContext.call(() -> partsFrom(bucket, key, uploadId, null, new ArrayList<>()))
                .map(parts -> parts.stream().sorted(Comparator.comparingInt(StoredPart::partNumber)).toList());
    }

    private CompletableFuture<List<StoredPart>> partsFrom(String bucket, String key, String uploadId, Integer marker,
            List<StoredPart> parts) {
        return s3.listParts(b -> b.bucket(bucket).key(key).uploadId(uploadId).partNumberMarker(marker))
                .thenCompose((ListPartsResponse page) -> {
                    page.parts().forEach(p -> parts.add(new StoredPart(p.partNumber(), p.eTag(), p.size())));
                    return Boolean.TRUE.equals(page.isTruncated())
                            ? partsFrom(bucket, key, uploadId, page.nextPartNumberMarker(), parts)
                            : CompletableFuture.completedFuture(parts);
                });
    }

    /**
     * Joins the named parts, in part-number order, into the object. S3 refuses a part whose ETag is not the one it
     * stored ({@code InvalidPart}) and parts out of order; a completed or aborted upload fails ({@link #isGone}).
     */
    public Uni<Void> complete(String bucket, String key, String uploadId, List<NamedPart> parts) {
        List<CompletedPart> completed = parts.stream().sorted(Comparator.comparingInt(NamedPart::partNumber))
                .map(p -> CompletedPart.builder().partNumber(p.partNumber()).eTag(p.etag()).checksumSHA256(p.sha256Base64())
                        .build()).toList();
        return CallerContext.call(() -> s3.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId)
                .multipartUpload(m -> m.parts(completed)))).replaceWithVoid();
    }

    /** Drops the upload and every part sent to it; aborting one already gone succeeds, so retries are safe. */
    public Uni<Void> abort(String bucket, String key, String uploadId) {
        return CallerContext.call(() -> s3.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId)))
                .replaceWithVoid().onFailure(MultipartStore::isGone).recoverWithNull();
    }

    /** Uploads under the prefix started before {@code instant} and neither completed nor aborted. */
    public Uni<List<OpenUpload>> openBefore(String bucket, String prefix, Instant instant) {
        return CallerContext.call(() -> uploadsFrom(bucket, prefix, null, null, new ArrayList<>()))
                .map(uploads -> uploads.stream().filter(u -> u.initiated().isBefore(instant)).toList());
    }

    private CompletableFuture<List<OpenUpload>> uploadsFrom(String bucket, String prefix, String keyMarker,
            String uploadIdMarker, List<OpenUpload> uploads) {
        return s3.listMultipartUploads(b -> b.bucket(bucket).prefix(prefix).keyMarker(keyMarker)
                        .uploadIdMarker(uploadIdMarker))
                .thenCompose((ListMultipartUploadsResponse page) -> {
                    page.uploads().forEach(u -> uploads.add(new OpenUpload(u.key(), u.uploadId(), u.initiated())));
                    return Boolean.TRUE.equals(page.isTruncated())
                            ? uploadsFrom(bucket, prefix, page.nextKeyMarker(), page.nextUploadIdMarker(), uploads)
                            : CompletableFuture.completedFuture(uploads);
                });
    }

    /** The upload was completed or aborted already (S3's {@code NoSuchUpload}). */
    public static boolean isGone(Throwable e) {
        Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        return cause instanceof NoSuchUploadException
                || (cause instanceof S3Exception s3e && s3e.awsErrorDetails() != null
                && "NoSuchUpload".equals(s3e.awsErrorDetails().errorCode()));
    }

    /** S3 refused the named parts: an ETag it does not hold, a part missing or too small. */
    public static boolean isInvalidParts(Throwable e) {
        Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        return cause instanceof S3Exception s3e && s3e.awsErrorDetails() != null
                && List.of("InvalidPart", "InvalidPartOrder", "EntityTooSmall")
                        .contains(s3e.awsErrorDetails().errorCode());
    }
}
