package com.renovation.media.assets.service.plans;

import static org.assertj.core.api.Assertions.assertThat;

import com.renovation.media.assets.TestSupport;
import com.renovation.media.web.security.Caller;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Reading a caller's plan inside a transaction must not lock anything while the claim is unchanged: every
 * request of one user (upload tickets, confirms) asks for it, and a lock held to the commit made them queue
 * behind one another.
 */
@QuarkusTest
class PlanClaimLockIT {

    @Inject
    Plans plans;

    @Test
    void aSecondTransactionReadsTheSameUsersPlanWhileTheFirstIsStillOpen() throws Exception {
        Caller caller = new Caller(TestSupport.newUser(), false, Map.of("plan", "pro"));
        // the claim is remembered once
        assertThat(awaited(() -> Panache.withTransaction(() -> plans.ofCaller(caller))).plan()).isEqualTo(PlanTier.PRO);

        CountDownLatch firstRead = new CountDownLatch(1);
        CompletableFuture<Void> release = new CompletableFuture<>();
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            Future<EffectivePlan> first = thread.submit(() -> awaited(() ->
                    Panache.withTransaction(() -> plans.ofCaller(caller).invoke(firstRead::countDown)
                            .call(() -> heldUntil(release)))));
            assertThat(firstRead.await(30, TimeUnit.SECONDS)).isTrue();

            EffectivePlan second = awaited(() -> Panache.withTransaction(
                    () -> plans.ofCaller(caller)).ifNoItem().after(Duration.ofSeconds(5)).fail());

            assertThat(second.plan()).isEqualTo(PlanTier.PRO);
            release.complete(null);
            assertThat(first.get(30, TimeUnit.SECONDS).plan()).isEqualTo(PlanTier.PRO);
        } finally {
            release.complete(null);
            thread.shutdown();
        }
    }

    @Test
    void aChangedClaimIsStillRemembered() {
        String user = TestSupport.newUser();
        awaited(() -> Panache.withTransaction(() -> plans.ofCaller(new Caller(user, false, Map.of("plan", "pro")))));
        awaited(() -> Panache.withTransaction(
                () -> plans.ofCaller(new Caller(user, false, Map.of("plan", "enterprise")))));

        // the owner's plan, as jobs and other users' requests see it: the claim last seen
        assertThat(awaited(() -> Panache.withSession(() -> plans.ofOwner(user))).plan())
                .isEqualTo(PlanTier.ENTERPRISE);
    }

    /** Waits, in the transaction, until the test releases it; then goes on on the transaction's own context. */
    private static Uni<Void> heldUntil(CompletableFuture<Void> release) {
        Context context = Vertx.currentContext();
        return Uni.createFrom().completionStage(release)
                .emitOn(task -> context.runOnContext(ignored -> task.run()));
    }

    /** The Uni's item, on a Vert.x context as Hibernate Reactive needs. */
    private static <T> T awaited(Supplier<Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(work);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
