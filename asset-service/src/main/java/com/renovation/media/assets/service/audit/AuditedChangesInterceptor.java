package com.renovation.media.assets.service.audit;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/**
 * Runs inside {@code @WithTransaction}'s interceptor (priority 200, so its transaction is open here) and labels
 * that transaction with the request's actor before the method changes anything.
 */
@AuditedChanges
@Interceptor
@Priority(300)
public class AuditedChangesInterceptor {

    private final AuditActor actor;

    public AuditedChangesInterceptor(AuditActor actor) {
        this.actor = actor;
    }

    @AroundInvoke
    Object label(InvocationContext context) throws Exception {
        if (!context.getMethod().isAnnotationPresent(WithTransaction.class)
                || !Uni.class.isAssignableFrom(context.getMethod().getReturnType())) {
            return context.proceed();
        }
        return actor.label().chain(() -> proceed(context));
    }

    @SuppressWarnings("unchecked")
    private static Uni<Object> proceed(InvocationContext context) {
        try {
            return (Uni<Object>) context.proceed();
        } catch (Exception e) {
            return Uni.createFrom().failure(e);
        }
    }
}
