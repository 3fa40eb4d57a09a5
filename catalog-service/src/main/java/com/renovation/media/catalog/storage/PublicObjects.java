package com.renovation.media.catalog.storage;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.ObjectCannedACL;

/**
 * Writes that make catalog objects readable by anyone (canned ACL {@code public-read}): the platform's
 * {@code ObjectStore.put} writes private objects only. Results come back on the caller's Vert.x context, so
 * Hibernate Reactive works after them.
 */
@ApplicationScoped
public class PublicObjects {

    private final S3AsyncClient s3;

    public PublicObjects(S3AsyncClient s3) {
        this.s3 = s3;
    }

    /** Stores the bytes as a public object. */
    public Uni<Void> put(String bucket, String key, byte[] bytes, String contentType) {
        return call(() -> s3.putObject(b -> b.bucket(bucket).key(key).contentType(contentType)
                .contentLength((long) bytes.length).acl(ObjectCannedACL.PUBLIC_READ),
                AsyncRequestBody.fromBytes(bytes))).replaceWithVoid();
    }

    /** Makes an existing (private, just checked) object public. */
    public Uni<Void> publish(String bucket, String key) {
        return call(() -> s3.putObjectAcl(b -> b.bucket(bucket).key(key).acl(ObjectCannedACL.PUBLIC_READ)))
                .replaceWithVoid();
    }

    private static <T> Uni<T> call(Supplier<CompletableFuture<T>> request) {
        Context context = Vertx.currentContext();
        Uni<T> uni = Uni.createFrom().completionStage(request);
        if (context == null) {
            return uni;
        }
        Executor onContext = task -> context.runOnContext(ignored -> task.run());
        return uni.emitOn(onContext);
    }
}
