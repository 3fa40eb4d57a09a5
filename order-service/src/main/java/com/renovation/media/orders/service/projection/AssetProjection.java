package com.renovation.media.orders.service.projection;

import com.renovation.media.contracts.events.payload.AssetConfirmed;
import com.renovation.media.contracts.events.payload.AssetDeleted;
import com.renovation.media.contracts.events.payload.SessionDeleted;
import com.renovation.media.messaging.consumer.PermanentEventFailure;
import com.renovation.media.orders.repository.JobRepository;
import com.renovation.media.orders.repository.Order;
import com.renovation.media.orders.repository.OrderAsset;
import com.renovation.media.orders.repository.OrderAssetRepository;
import com.renovation.media.orders.repository.OrderRepository;
import com.renovation.media.orders.service.jobs.OrderCompletion;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Keeps order_assets (what an order may name, whose it is, where its bytes are) in step with asset-service, and
 * expires what can no longer be paid for. Each method runs in the consumer's transaction, which also records the
 * event as processed.
 */
@ApplicationScoped
public class AssetProjection {

    private static final Logger LOG = Logger.getLogger(AssetProjection.class);

    private final OrderAssetRepository assets;
    private final OrderRepository orders;
    private final JobRepository jobs;
    private final OrderCompletion completion;

    public AssetProjection(OrderAssetRepository assets, OrderRepository orders, JobRepository jobs,
            OrderCompletion completion) {
        this.assets = assets;
        this.orders = orders;
        this.jobs = jobs;
        this.completion = completion;
    }

    public Uni<Void> confirmed(AssetConfirmed event) {
        if (event.assetId() == null || event.sessionId() == null || event.roomId() == null || event.ownerId() == null
                || event.assetType() == null || event.bucket() == null || event.storagePath() == null
                || event.contentType() == null) {
            throw new PermanentEventFailure("asset.confirmed lacks a required field");
        }
        OrderAsset asset = new OrderAsset();
        asset.assetId = event.assetId();
        asset.sessionId = event.sessionId();
        asset.roomId = event.roomId();
        asset.ownerId = event.ownerId();
        asset.assetType = event.assetType();
        asset.bucket = event.bucket();
        asset.storagePath = event.storagePath();
        asset.contentType = event.contentType();
        asset.fileSize = event.fileSize();
        asset.expiresAt = expiresAt(event.expiresAt());
        return assets.upsert(asset).replaceWithVoid();
    }

    private static Instant expiresAt(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeException e) {
            throw new PermanentEventFailure("asset.confirmed has an expiresAt that is not ISO-8601: " + text, e);
        }
    }

    /** The asset is gone: orders still waiting for their payment can no longer be processed. */
    public Uni<Void> deleted(AssetDeleted event) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return assets.deleteById(event.assetId())
                .chain(() -> orders.expirePendingNaming(event.assetId(), now))
                .invoke(expired -> {
                    if (expired > 0) {
                        LOG.infof("asset %s deleted: %d unpaid order(s) naming it expired", event.assetId(), expired);
                    }
                }).replaceWithVoid();
    }

    /**
     * The session is erased: its assets leave the projection, its unpaid orders expire and its jobs not ended are
     * cancelled (their sources are gone). A paid order whose last running jobs are so cancelled ends here, as the
     * worker ends one with its last job ({@link OrderCompletion}: cancelled jobs count as not completed). Orders and
     * their records stay: they are the platform's accounts.
     */
    public Uni<Void> sessionDeleted(SessionDeleted event) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return assets.deleteOfSession(event.sessionId())
                .chain(() -> orders.expirePendingOfSession(event.sessionId(), now))
                // the orders' locks before their jobs', in the order the worker's outcomes take them
                .chain(expired -> orders.lockProcessingOfSession(event.sessionId())
                        .chain(processing -> jobs.cancelNotEndedOfSession(event.sessionId(), now)
                                .chain(cancelled -> finishEach(processing, now)
                                        .invoke(ended -> LOG.infof("session %s deleted: %d unpaid order(s) expired,"
                                                + " %d job(s) cancelled, %d paid order(s) ended",
                                                event.sessionId(), expired, cancelled, ended)))))
                .replaceWithVoid();
    }

    private Uni<Integer> finishEach(List<Order> processing, Instant now) {
        return Multi.createFrom().iterable(processing).onItem()
                .transformToUniAndConcatenate(order -> completion.finishIfAllJobsEnded(order, now))
                .filter(Boolean::booleanValue).collect().asList().map(List::size);
    }
}
