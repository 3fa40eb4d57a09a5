package com.renovation.media.assets.service.audit;

import io.quarkus.arc.Arc;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import com.renovation.media.web.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Supplier;

/**
 * Who is changing data in the current transaction, for the audit log's triggers: the caller's subject (or
 * {@code anonymous} for a public link), their address and user agent, as transaction-local settings. Outside a
 * request (projections, jobs) nothing is set and the triggers record {@code system}.
 */
@ApplicationScoped
public class AuditActor {

    private static final int MAX_USER_AGENT = 512;

    /** Sets the settings in the current transaction; nothing outside a request. */
    public Uni<Void> label() {
        if (!Arc.container().requestContext().isActive()) {
            return Uni.createFrom().voidItem();
        }
        var routing = Arc.container().instance(CurrentVertxRequest.class).get().getCurrent();
        HttpServerRequest request = routing == null ? null : routing.request();
        SocketAddress remote = request == null ? null : request.remoteAddress();
        String userAgent = request == null ? null : request.getHeader("User-Agent");
        // Deferred: a public endpoint has not resolved its caller yet, and this runs on the event loop, which must
        // not wait for it. A bearer token is checked on a worker thread: the session continues on this context.
        Uni<SecurityIdentity> caller = Arc.container().instance(CurrentIdentityAssociation.class).get()
                .getDeferredIdentity();
        Context context = Vertx.currentContext();
        if (context != null) {
            caller = caller.emitOn(task -> context.runOnContext(ignored -> task.run()));
        }
        return caller.map(identity -> identity.isAnonymous() ? "anonymous" : Caller.of(identity).userId())
                .chain(actor -> Panache.getSession().chain(session -> session.createNativeQuery(
                        "SELECT set_config('audit.actor', :actor, true), set_config('audit.ip', :ip, true),"
                                + " set_config('audit.user_agent', :agent, true)")
                .setParameter("actor", actor)
                .setParameter("ip", remote == null || remote.hostAddress() == null ? "" : remote.hostAddress())
                .setParameter("agent", userAgent == null ? ""
                        : userAgent.substring(0, Math.min(userAgent.length(), MAX_USER_AGENT)))
                .getSingleResult())).replaceWithVoid();
    }

    /** A transaction labelled with the actor, for the services that open theirs in code rather than by annotation. */
    public <T> Uni<T> transaction(Supplier<Uni<T>> work) {
        return Panache.withTransaction(() -> label().chain(() -> work.get()));
    }
}
