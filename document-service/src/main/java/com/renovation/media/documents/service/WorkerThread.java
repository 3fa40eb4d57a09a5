package com.renovation.media.documents.service;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.function.Supplier;

/**
 * Runs blocking work (drawing, laying out a PDF) on a worker thread and hands its result back on the caller's
 * Vert.x context, where the reactive Hibernate session and transaction that follow must run.
 */
final class WorkerThread {

    private WorkerThread() {
    }

    /** Call on the event loop: the context to come back to is the one current now. */
    static <T> Uni<T> run(Supplier<T> work) {
        Context context = Vertx.currentContext();
        return Uni.createFrom().item(work)
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .emitOn(task -> {
                    if (context == null) {
                        task.run();
                    } else {
                        context.runOnContext(ignored -> task.run());
                    }
                });
    }
}
