package com.renovation.media.variants.messaging;

import com.renovation.media.contracts.events.Channels;
import com.renovation.media.contracts.events.payload.AssetConfirmed;
import com.renovation.media.contracts.events.payload.AssetDeleted;
import com.renovation.media.contracts.events.payload.CatalogImageAdded;
import com.renovation.media.contracts.events.payload.SessionDeleted;
import com.renovation.media.messaging.consumer.IdempotentConsumer;
import com.renovation.media.variants.service.RenderOutcome;
import com.renovation.media.variants.service.SourceImage;
import com.renovation.media.variants.service.SourceKeys;
import com.renovation.media.variants.service.VariantService;
import com.renovation.media.variants.service.video.TranscodePool;
import com.renovation.media.variants.service.video.VideoOutcome;
import com.renovation.media.variants.service.video.VideoService;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * What makes or removes variants: confirmed uploads (images and videos) and catalog images in; deleted assets
 * and sessions out.
 * Object storage and rendering happen before the transaction that records the event, which then only writes
 * rows: a crash in between leaves the event unrecorded, and its redelivery does the whole work again.
 */
@ApplicationScoped
public class SourceEventsConsumer {

    private final IdempotentConsumer consumer;
    private final VariantService service;
    private final SourceKeys keys;
    private final VideoService videos;
    private final TranscodePool transcodes;

    public SourceEventsConsumer(IdempotentConsumer consumer, VariantService service, SourceKeys keys,
            VideoService videos, TranscodePool transcodes) {
        this.consumer = consumer;
        this.service = service;
        this.keys = keys;
        this.videos = videos;
        this.transcodes = transcodes;
    }

    /**
     * An image: the web formats, recorded with the event (the asset becomes ready); the slower formats follow in
     * the background. A video: probed, its posters recorded with the event and its transcode job queued, which
     * the transcode pool (woken here, on any replica by the job's NOTIFY) takes up.
     */
    @Incoming(Channels.ASSET_CONFIRMED)
    public Uni<Void> onAssetConfirmed(Message<String> message) {
        AtomicReference<RenderOutcome> made = new AtomicReference<>();
        Context context = Vertx.currentContext();
        return consumer.process(message, Channels.ASSET_CONFIRMED, AssetConfirmed.class, event -> {
            keys.check(event.data());
            SourceImage source = SourceImage.of(event.data());
            if (source.isVideo()) {
                return videos.prepare(source).map(Confirmed::video);
            }
            return service.render(source).invoke(made::set).map(Confirmed::image);
        }, (event, confirmed) -> confirmed.video() != null ? videos.record(confirmed.video())
                : service.record(confirmed.image())).invoke(() -> {
                    service.renderLaterInBackground(made.get(), context);
                    transcodes.wake();
                });
    }

    /** What a confirm prepared outside the transaction: an image's render or a video's probe and posters. */
    private record Confirmed(RenderOutcome image, VideoOutcome video) {
        static Confirmed image(RenderOutcome image) {
            return new Confirmed(image, null);
        }

        static Confirmed video(VideoOutcome video) {
            return new Confirmed(null, video);
        }
    }

    @Incoming(Channels.CATALOG_IMAGE_ADDED)
    public Uni<Void> onCatalogImageAdded(Message<String> message) {
        AtomicReference<RenderOutcome> made = new AtomicReference<>();
        Context context = Vertx.currentContext();
        return consumer.process(message, Channels.CATALOG_IMAGE_ADDED, CatalogImageAdded.class, event -> {
            keys.check(event.data());
            return service.render(SourceImage.of(event.data())).invoke(made::set);
        }, (event, rendered) -> service.record(rendered)).invoke(() -> service.renderLaterInBackground(made.get(), context));
    }

    @Incoming(Channels.ASSET_DELETED)
    public Uni<Void> onAssetDeleted(Message<String> message) {
        return consumer.process(message, Channels.ASSET_DELETED, AssetDeleted.class, event -> {
            AssetDeleted deleted = event.data();
            keys.check(deleted);
            String original = deleted.storagePaths() == null || deleted.storagePaths().isEmpty() ? null
                    : deleted.storagePaths().get(0);
            return service.removeSourceObjects(deleted.assetId(), deleted.bucket(), original);
        }, (event, removed) -> service.forgetSource(event.data().assetId()));
    }

    @Incoming(Channels.SESSION_DELETED)
    public Uni<Void> onSessionDeleted(Message<String> message) {
        return consumer.process(message, Channels.SESSION_DELETED, SessionDeleted.class,
                event -> service.removeSessionObjects(event.data().sessionId()),
                (event, removed) -> service.forgetSession(event.data().sessionId()));
    }
}
