package com.renovation.media.storage.s3;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * SDK calls as Unis that resume on the caller's Vert.x context: the SDK completes on its own threads, where
 * Hibernate Reactive would fail with "No current Vertx context".
 */
final class CallerContext {

    private CallerContext() {
    }

    /** Runs the SDK call and resumes on the caller's Vert.x context, if it has one. */
    static <T> Uni<T> call(Supplier<CompletableFuture<T>> request) {
        Context context = Vertx.currentContext();
        Uni<T> uni = Uni.createFrom().completionStage(request);
        if (context == null) {
            return uni;
        }
        Executor onContext = task -> context.runOnContext(ignored -> task.run());
        return uni.emitOn(onContext);
    }
}
