package com.renovation.media.storage.s3;

import com.renovation.media.storage.layout.Buckets;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jboss.logging.Logger;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.core.async.AsyncResponseTransformer;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectCannedACL;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.TaggingDirective;

/**
 * Non-blocking S3 operations as Mutiny Unis. Every result is handed back on the caller's Vert.x context: the
 * SDK completes on its own threads, where Hibernate Reactive would fail with "No current Vertx context".
 */
@ApplicationScoped
public class ObjectStore {

    /** Size and content type of a stored object. */
    public record ObjectInfo(long size, String contentType) {
    }

    private static final Logger LOG = Logger.getLogger(ObjectStore.class);
    private static final String WARM_UP_KEY = "warm-up-probe";

    private final S3AsyncClient s3;

    public ObjectStore(S3AsyncClient s3) {
        this.s3 = s3;
    }

    /**
     * One cheap request at start (the HEAD of a key that is never there): the SDK's classes, signer and
     * connection pool are ready before the first real request needs them, instead of delaying it by a second.
     */
    void warm(@Observes StartupEvent event) {
        head(Buckets.USER_UPLOADS, WARM_UP_KEY).subscribe().with(
                found -> LOG.debugf("S3 client warmed"),
                failure -> LOG.debugf("S3 warm-up request failed: %s", failure.getMessage()));
    }

    public Uni<Optional<ObjectInfo>> head(String bucket, String key) {
        return call(() -> emptyIfNotFound(s3.headObject(b -> b.bucket(bucket).key(key))
                .thenApply(r -> Optional.of(new ObjectInfo(r.contentLength(), r.contentType())))));
    }

    /**
     * The whole object, or empty when there is none (one request, where a HEAD first would be two); only for
     * objects whose size the caller has bounded.
     */
    public Uni<Optional<byte[]>> readIfPresent(String bucket, String key) {
        return call(() -> emptyIfNotFound(s3.getObject(b -> b.bucket(bucket).key(key), AsyncResponseTransformer.toBytes())
                .thenApply(r -> Optional.of(r.asByteArray()))));
    }

    private static <T> CompletableFuture<Optional<T>> emptyIfNotFound(CompletableFuture<Optional<T>> request) {
        return request.exceptionally(e -> {
            if (isNotFound(e)) {
                return Optional.empty();
            }
            throw e instanceof CompletionException ce ? ce : new CompletionException(e);
        });
    }

    /** An object's first bytes and its whole size. */
    public record Start(byte[] bytes, long size) {

        /** Whether the bytes are the whole object. */
        public boolean whole() {
            return bytes.length == size;
        }
    }

    /**
     * The first {@code length} bytes of an object (fewer when it is shorter) and its size, in one ranged GET where
     * a HEAD and a GET would be two; empty when there is no object. An empty object has no first byte to range
     * over: S3 answers 416, taken here as size 0.
     */
    public Uni<Optional<Start>> readStart(String bucket, String key, int length) {
        return call(() -> emptyIfNotFound(s3.getObject(b -> b.bucket(bucket).key(key).range("bytes=0-" + (length - 1)),
                AsyncResponseTransformer.toBytes()).thenApply(r -> Optional.of(
                        new Start(r.asByteArray(), sizeOf(r.response().contentRange(), r.response().contentLength())))))
                .exceptionally(e -> {
                    if (isUnsatisfiableRange(e)) {
                        return Optional.of(new Start(new byte[0], 0));
                    }
                    throw e instanceof CompletionException ce ? ce : new CompletionException(e);
                }));
    }

    /** The total in a Content-Range ("bytes 0-65535/1048576"), or the body's length when S3 sent it whole. */
    static long sizeOf(String contentRange, Long contentLength) {
        int slash = contentRange == null ? -1 : contentRange.lastIndexOf('/');
        if (slash >= 0 && !contentRange.substring(slash + 1).strip().equals("*")) {
            return Long.parseLong(contentRange.substring(slash + 1).strip());
        }
        if (contentLength == null) {
            throw new IllegalStateException("S3 answered a ranged GET with neither Content-Range nor Content-Length");
        }
        return contentLength;
    }

    private static boolean isUnsatisfiableRange(Throwable e) {
        Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        return cause instanceof S3Exception s3e && s3e.statusCode() == 416;
    }

    /** Bytes {@code from} to {@code to} inclusive (clamped by S3 to the object's end). */
    public Uni<byte[]> readRange(String bucket, String key, long from, long to) {
        return call(() -> s3.getObject(b -> b.bucket(bucket).key(key).range("bytes=" + from + "-" + to),
                AsyncResponseTransformer.toBytes()).thenApply(ResponseBytes::asByteArray));
    }

    /** The whole object; only for objects whose size the caller has bounded. */
    public Uni<byte[]> read(String bucket, String key) {
        return call(() -> s3.getObject(b -> b.bucket(bucket).key(key), AsyncResponseTransformer.toBytes())
                .thenApply(ResponseBytes::asByteArray));
    }

    /**
     * The object as a blocking stream, for a worker thread that copies it somewhere (a download streamed to a
     * client): the SDK holds at most a few MB of it at a time and waits while the reader is behind. Blocks until
     * S3 answers; a missing object fails with a not-found error ({@link #isNotFound}). Close it when done.
     */
    public InputStream openBlocking(String bucket, String key) {
        try {
            return s3.getObject(b -> b.bucket(bucket).key(key), AsyncResponseTransformer.toBlockingInputStream())
                    .join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** SHA-256 of the object, streamed: the object never sits in memory whole. */
    public Uni<String> sha256(String bucket, String key) {
        return sha256(bucket, key, bytes -> {
        });
    }

    /**
     * SHA-256 of the object, streamed once; {@code reader} sees every byte in order in the same pass (a structure
     * check, without a second download). It gets read-only views: moving their position moves nothing else.
     */
    public Uni<String> sha256(String bucket, String key, Consumer<ByteBuffer> reader) {
        return call(() -> s3.getObject(b -> b.bucket(bucket).key(key), AsyncResponseTransformer.toPublisher())
                .thenCompose(publisher -> {
                    CompletableFuture<String> digest = new CompletableFuture<>();
                    publisher.subscribe(new DigestingSubscriber(key, digest, reader));
                    return digest;
                }));
    }

    public Uni<Void> put(String bucket, String key, byte[] bytes, String contentType) {
        return put(bucket, key, bytes, contentType, ObjectCannedACL.PRIVATE, null);
    }

    /** Uploads a file, streamed from disk: for objects too large to hold in memory. */
    public Uni<Void> putFile(String bucket, String key, java.nio.file.Path file, String contentType) {
        return call(() -> s3.putObject(b -> b.bucket(bucket).key(key).contentType(contentType)
                .acl(ObjectCannedACL.PRIVATE), AsyncRequestBody.fromFile(file))).replaceWithVoid();
    }

    /**
     * A variant of a checked original: readable anonymously in the public bucket, private elsewhere, and cached
     * for good either way ({@link CacheControl#ofVariant}).
     */
    public Uni<Void> putVariant(String bucket, String key, byte[] bytes, String contentType) {
        return put(bucket, key, bytes, contentType, aclOfVariant(bucket), CacheControl.ofVariant(bucket));
    }

    /** As {@link #putVariant}, streamed from disk: for variants too large to hold in memory (a web MP4). */
    public Uni<Void> putVariantFile(String bucket, String key, java.nio.file.Path file, String contentType) {
        return call(() -> s3.putObject(b -> b.bucket(bucket).key(key).contentType(contentType)
                .acl(aclOfVariant(bucket)).cacheControl(CacheControl.ofVariant(bucket)),
                AsyncRequestBody.fromFile(file))).replaceWithVoid();
    }

    static ObjectCannedACL aclOfVariant(String bucket) {
        return Buckets.isPublic(bucket) ? ObjectCannedACL.PUBLIC_READ : ObjectCannedACL.PRIVATE;
    }

    /**
     * For bytes the platform made itself (the shipped seed images; variants go through {@link #putVariant}): the
     * object is readable anonymously (its bucket must allow it too). A client's upload becomes public through
     * {@link #publish} only.
     */
    public Uni<Void> putPublicRead(String bucket, String key, byte[] bytes, String contentType) {
        return put(bucket, key, bytes, contentType, ObjectCannedACL.PUBLIC_READ, null);
    }

    private Uni<Void> put(String bucket, String key, byte[] bytes, String contentType, ObjectCannedACL acl,
            String cacheControl) {
        return call(() -> s3.putObject(b -> b.bucket(bucket).key(key).contentType(contentType).acl(acl)
                .cacheControl(cacheControl).contentLength((long) bytes.length), AsyncRequestBody.fromBytes(bytes)))
                .replaceWithVoid();
    }

    /**
     * Copies an object inside the S3 server (no byte passes through the service) to a private object; a missing
     * source fails with a not-found error ({@link #isNotFound}).
     */
    public Uni<Void> copy(String fromBucket, String fromKey, String toBucket, String toKey) {
        return copy(fromBucket, fromKey, toBucket, toKey, ObjectCannedACL.PRIVATE, Optional.empty());
    }

    /**
     * As {@link #copy}, for the copy that makes an upload an original: with {@code tagging} (a URL-encoded tag set,
     * {@link ColdOriginals#tagging}) it replaces the source's tags, so a bucket lifecycle rule can select
     * originals, which share their folders with their variants.
     */
    public Uni<Void> copyAsOriginal(String fromBucket, String fromKey, String toBucket, String toKey,
            Optional<String> tagging) {
        return copy(fromBucket, fromKey, toBucket, toKey, ObjectCannedACL.PRIVATE, tagging);
    }

    /**
     * Makes a checked object public: a copy inside the S3 server, readable anonymously (its bucket must allow it
     * too). Public objects are made only from bytes that passed the checks, never by a client's own PUT.
     */
    public Uni<Void> publish(String fromBucket, String fromKey, String toBucket, String toKey) {
        return copy(fromBucket, fromKey, toBucket, toKey, ObjectCannedACL.PUBLIC_READ, Optional.empty());
    }

    private Uni<Void> copy(String fromBucket, String fromKey, String toBucket, String toKey, ObjectCannedACL acl,
            Optional<String> tagging) {
        return call(() -> s3.copyObject(b -> {
            b.sourceBucket(fromBucket).sourceKey(fromKey).destinationBucket(toBucket).destinationKey(toKey).acl(acl);
            tagging.ifPresent(tags -> b.taggingDirective(TaggingDirective.REPLACE).tagging(tags));
        })).replaceWithVoid();
    }

    /** Deletes one object; deleting a missing one succeeds (S3 semantics), so retries are safe. */
    public Uni<Void> delete(String bucket, String key) {
        return call(() -> s3.deleteObject(b -> b.bucket(bucket).key(key))).replaceWithVoid();
    }

    /** Every key under the prefix. */
    public Uni<List<String>> list(String bucket, String prefix) {
        return call(() -> listFrom(bucket, prefix, null, new ArrayList<>()))
                .map(objects -> objects.stream().map(S3Object::key).toList());
    }

    /** The keys under the prefix of objects last written before {@code instant}. */
    public Uni<List<String>> listModifiedBefore(String bucket, String prefix, Instant instant) {
        return call(() -> listFrom(bucket, prefix, null, new ArrayList<>()))
                .map(objects -> objects.stream().filter(o -> o.lastModified().isBefore(instant))
                        .map(S3Object::key).toList());
    }

    private CompletableFuture<List<S3Object>> listFrom(String bucket, String prefix, String token,
            List<S3Object> objects) {
        return s3.listObjectsV2(b -> b.bucket(bucket).prefix(prefix).continuationToken(token))
                .thenCompose((ListObjectsV2Response page) -> {
                    objects.addAll(page.contents());
                    return Boolean.TRUE.equals(page.isTruncated())
                            ? listFrom(bucket, prefix, page.nextContinuationToken(), objects)
                            : CompletableFuture.completedFuture(objects);
                });
    }

    /** Deletes every object under the prefix, in batches; answers how many were deleted. */
    public Uni<Integer> deletePrefix(String bucket, String prefix) {
        return list(bucket, prefix).chain(keys -> deleteAll(bucket, keys).replaceWith(keys.size()));
    }

    public Uni<Void> deleteAll(String bucket, List<String> keys) {
        if (keys.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<CompletableFuture<?>> batches = new ArrayList<>();
        return call(() -> {
            for (int i = 0; i < keys.size(); i += 1000) {
                List<ObjectIdentifier> ids = keys.subList(i, Math.min(keys.size(), i + 1000)).stream()
                        .map(k -> ObjectIdentifier.builder().key(k).build()).toList();
                batches.add(s3.deleteObjects(b -> b.bucket(bucket).delete(Delete.builder().objects(ids).quiet(true)
                        .build())).thenAccept(r -> {
                            if (!r.errors().isEmpty()) {
                                throw new CompletionException(new IllegalStateException("S3 refused to delete "
                                        + r.errors().size() + " objects, first: " + r.errors().get(0).message()));
                            }
                        }));
            }
            return CompletableFuture.allOf(batches.toArray(new CompletableFuture[0]));
        }).replaceWithVoid();
    }

    public static boolean isNotFound(Throwable e) {
        Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        return cause instanceof NoSuchKeyException || (cause instanceof S3Exception s3e && s3e.statusCode() == 404);
    }

    private static <T> Uni<T> call(Supplier<CompletableFuture<T>> request) {
        return CallerContext.call(request);
    }

    /** Feeds streamed body parts into a SHA-256 digest and a reader. */
    private static final class DigestingSubscriber implements Subscriber<ByteBuffer> {
        private final String key;
        private final CompletableFuture<String> result;
        private final Consumer<ByteBuffer> reader;
        private final MessageDigest digest;
        private final long started = System.nanoTime();
        private Subscription subscription;
        // where the pass spends its time: the reader, the digest, or waiting for S3 (the rest)
        private long chunks;
        private long bytes;
        private long readerNanos;
        private long digestNanos;

        DigestingSubscriber(String key, CompletableFuture<String> result, Consumer<ByteBuffer> reader) {
            this.key = key;
            this.result = result;
            this.reader = reader;
            try {
                this.digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void onSubscribe(Subscription s) {
            subscription = s;
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(ByteBuffer buffer) {
            if (result.isDone()) {
                return;
            }
            try {
                chunks++;
                bytes += buffer.remaining();
                long before = System.nanoTime();
                reader.accept(buffer.asReadOnlyBuffer());
                long read = System.nanoTime();
                digest.update(buffer);
                readerNanos += read - before;
                digestNanos += System.nanoTime() - read;
            } catch (RuntimeException e) {
                subscription.cancel();
                result.completeExceptionally(e);
            }
        }

        @Override
        public void onError(Throwable t) {
            result.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            if (LOG.isDebugEnabled()) {
                LOG.debugf("read pass of %s: %d bytes in %d chunks (avg %d B) in %d ms: reader %d ms, digest %d ms",
                        key, bytes, chunks, chunks == 0 ? 0 : bytes / chunks, (System.nanoTime() - started) / 1_000_000,
                        readerNanos / 1_000_000, digestNanos / 1_000_000);
            }
            result.complete(HexFormat.of().formatHex(digest.digest()));
        }
    }
}
