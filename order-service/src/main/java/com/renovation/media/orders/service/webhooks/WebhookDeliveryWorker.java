package com.renovation.media.orders.service.webhooks;

import com.renovation.media.jobs.LockedBatchJob;
import com.renovation.media.jobs.LockedBatches;
import com.renovation.media.orders.config.WebhookConfig;
import com.renovation.media.orders.repository.WebhookDelivery;
import com.renovation.media.orders.repository.WebhookDeliveryRepository;
import com.renovation.media.orders.repository.WebhookEndpoint;
import com.renovation.media.orders.repository.WebhookEndpointRepository;
import com.renovation.media.orders.service.Backoff;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Delivers the pending webhook deliveries. The claim (a short transaction) fails those past their retry window
 * or whose endpoint was deleted, then takes due ones with SKIP LOCKED, counts an attempt and leases them. The
 * HTTP requests run outside any transaction; afterwards each outcome is written: delivered on a 2xx, else
 * retried after an exponential backoff with ±20% jitter, or failed when the next try would fall after the
 * window (24 h). A worker that dies mid-request leaves its deliveries leased; they are tried again after the lease
 * (receivers deduplicate by Webhook-Id).
 */
@ApplicationScoped
public class WebhookDeliveryWorker implements LockedBatchJob<WebhookDeliveryWorker.Attempt> {

    /** A claimed delivery with its endpoint and, once sent, the result. */
    public record Attempt(WebhookDelivery delivery, WebhookEndpoint endpoint, WebhookSender.Result result) {
    }

    private final WebhookDeliveryRepository deliveries;
    private final WebhookEndpointRepository endpoints;
    private final WebhookSender sender;
    private final WebhookConfig config;
    private final LockedBatches jobs;

    public WebhookDeliveryWorker(WebhookDeliveryRepository deliveries, WebhookEndpointRepository endpoints,
            WebhookSender sender, WebhookConfig config, LockedBatches jobs) {
        this.deliveries = deliveries;
        this.endpoints = endpoints;
        this.sender = sender;
        this.config = config;
        this.jobs = jobs;
    }

    @Override
    public Schedule schedule() {
        return new Schedule("webhook deliveries", config.pollInterval(), config.batchSize(), config.pollInterval());
    }

    public Uni<Integer> runOnce() {
        return jobs.run(this, Instant.now());
    }

    @Override
    public Uni<List<Attempt>> claim(Instant now, int limit) {
        return deliveries.giveUp(now, limit)
                .chain(() -> deliveries.claimDue(now, now.plus(config.lease()), limit))
                .chain(claimed -> {
                    if (claimed.isEmpty()) {
                        return Uni.createFrom().item(List.<Attempt>of());
                    }
                    return endpoints.list("id in ?1", claimed.stream().map(d -> d.endpointId).distinct().toList())
                            .map(found -> {
                                Map<java.util.UUID, WebhookEndpoint> byId = found.stream()
                                        .collect(Collectors.toMap(e -> e.id, Function.identity()));
                                return claimed.stream().map(d -> new Attempt(d, byId.get(d.endpointId), null))
                                        .toList();
                            });
                });
    }

    @Override
    public Uni<List<Attempt>> work(List<Attempt> claimed) {
        Context context = Vertx.currentContext();
        return Multi.createFrom().iterable(claimed).onItem().transformToUniAndConcatenate(this::send)
                .collect().asList()
                // outcomes are written through Hibernate Reactive, on the context the run started on
                .emitOn(task -> {
                    if (context == null) {
                        task.run();
                    } else {
                        context.runOnContext(ignored -> task.run());
                    }
                });
    }

    private Uni<Attempt> send(Attempt attempt) {
        WebhookEndpoint endpoint = attempt.endpoint();
        if (endpoint == null || endpoint.deletedAt != null) {
            return Uni.createFrom().item(new Attempt(attempt.delivery(), endpoint,
                    new WebhookSender.Result(null, "endpoint deleted")));
        }
        WebhookDelivery d = attempt.delivery();
        return sender.send(endpoint.url, endpoint.secret, d.id, d.eventType, d.payload)
                .map(result -> new Attempt(d, endpoint, result));
    }

    @Override
    public Uni<Void> finish(List<Attempt> done) {
        Instant now = Instant.now();
        return Multi.createFrom().iterable(done).onItem().transformToUniAndConcatenate(a -> record(a, now))
                .collect().asList().replaceWithVoid();
    }

    private Uni<Integer> record(Attempt attempt, Instant now) {
        WebhookDelivery d = attempt.delivery();
        WebhookSender.Result result = attempt.result();
        if (result.delivered()) {
            return deliveries.markDelivered(d.id, result.statusCode(), now);
        }
        Instant next = now.plus(backoff(d.attempts));
        boolean endpointGone = attempt.endpoint() == null || attempt.endpoint().deletedAt != null;
        if (endpointGone || next.isAfter(d.giveUpAt)) {
            String error = endpointGone ? result.error() : result.error() + "; retry window passed, given up";
            return deliveries.markFailed(d.id, result.statusCode(), error, now);
        }
        return deliveries.retryAt(d.id, result.statusCode(), result.error(), next, now);
    }

    /** backoff × 2^(attempt-1), capped, then ±20% so receivers recovering together are not hit together. */
    Duration backoff(int attempt) {
        return Backoff.withJitter(Backoff.exponential(config.backoff(), config.maxBackoff(), attempt),
                () -> ThreadLocalRandom.current().nextDouble());
    }
}
