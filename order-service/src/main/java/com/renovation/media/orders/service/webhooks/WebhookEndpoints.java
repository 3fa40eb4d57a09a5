package com.renovation.media.orders.service.webhooks;

import com.renovation.media.orders.config.WebhookConfig;
import com.renovation.media.orders.repository.WebhookEndpoint;
import com.renovation.media.orders.repository.WebhookEndpointRepository;
import com.renovation.media.orders.rest.dto.WebhookEndpointRequest;
import com.renovation.media.orders.rest.dto.WebhookEndpointView;
import com.renovation.media.web.paging.Page;
import com.renovation.media.web.paging.SortKey;
import com.renovation.media.web.problem.ApiException;
import com.renovation.media.web.problem.ProblemKind;
import com.renovation.media.web.security.Caller;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Registering, listing and deleting the caller's webhook endpoints. */
@ApplicationScoped
public class WebhookEndpoints {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MAX_EVENTS = 16;

    private final WebhookEndpointRepository endpoints;
    private final WebhookConfig config;
    private final Vertx vertx;

    public WebhookEndpoints(WebhookEndpointRepository endpoints, WebhookConfig config, Vertx vertx) {
        this.endpoints = endpoints;
        this.config = config;
        this.vertx = vertx;
    }

    /**
     * Checks the request and the URL's target (DNS, off the event loop), then stores the endpoint within the
     * per-user limit. The answer carries the signing secret, the only time it is shown.
     */
    public Uni<WebhookEndpointView> register(Caller caller, WebhookEndpointRequest request) {
        if (request == null) {
            throw ApiException.invalid("body", "is required");
        }
        List<String> events = events(request.events());
        TargetGuard.Target target;
        try {
            target = TargetGuard.parse(request.url(), config.allowPrivateTargets());
        } catch (TargetGuard.Refused refused) {
            throw ApiException.invalid("url", refused.getMessage());
        }
        return vertx.executeBlocking(() -> {
            try {
                return TargetGuard.resolve(target, config.allowPrivateTargets());
            } catch (TargetGuard.Refused refused) {
                throw ApiException.invalid("url", refused.getMessage());
            }
        }, false).chain(checked -> Panache.withTransaction(() -> store(caller, request.url(), events)));
    }

    private Uni<WebhookEndpointView> store(Caller caller, String url, List<String> events) {
        return endpoints.lockOwner(caller.userId())
                .chain(() -> endpoints.countActive(caller.userId()))
                .chain(count -> {
                    if (count >= config.maxEndpointsPerUser()) {
                        throw new ApiException(ProblemKind.CONFLICT, "at most " + config.maxEndpointsPerUser()
                                + " webhook endpoints per user: delete one first");
                    }
                    WebhookEndpoint e = new WebhookEndpoint();
                    e.id = UUID.randomUUID();
                    e.ownerId = caller.userId();
                    e.url = url;
                    e.events = events.toArray(String[]::new);
                    e.secret = newSecret();
                    e.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
                    return endpoints.persist(e).map(WebhookEndpointView::created);
                });
    }

    @WithSession
    public Uni<Page<WebhookEndpointView>> list(Caller caller, String cursor, int limit) {
        return endpoints.pageOfOwner(caller.userId(), SortKey.decode(cursor), limit + 1)
                .map(rows -> Page.of(rows, limit, e -> new SortKey(0, e.createdAt, e.id).encode(),
                        WebhookEndpointView::of));
    }

    /** Deletes the caller's endpoint: nothing more is delivered to it. Another user's is as unknown as none. */
    @WithTransaction
    public Uni<Void> delete(Caller caller, UUID id) {
        return endpoints.activeOf(id, caller.userId()).map(e -> {
            if (e == null) {
                throw ApiException.notFound("webhook endpoint " + id);
            }
            e.deletedAt = Instant.now();
            return null;
        });
    }

    static List<String> events(List<String> requested) {
        if (requested == null || requested.isEmpty()) {
            throw ApiException.invalid("events", "name at least one of " + WebhookEvents.SUBSCRIBABLE);
        }
        if (requested.size() > MAX_EVENTS) {
            throw ApiException.invalid("events", "too many entries");
        }
        Set<String> distinct = new LinkedHashSet<>();
        for (String event : requested) {
            if (event == null || !WebhookEvents.SUBSCRIBABLE.contains(event)) {
                throw ApiException.invalid("events", "unknown event type; allowed: " + WebhookEvents.SUBSCRIBABLE);
            }
            distinct.add(event);
        }
        return List.copyOf(distinct);
    }

    /** {@code whsec_} + 32 random bytes, base64url without padding. */
    static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
