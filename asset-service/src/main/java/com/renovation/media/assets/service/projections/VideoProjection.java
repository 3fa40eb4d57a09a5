package com.renovation.media.assets.service.projections;

import com.renovation.media.assets.repository.AssetStatus;
import com.renovation.media.assets.repository.AssetVariantRepository;
import com.renovation.media.assets.repository.RoomAsset;
import com.renovation.media.assets.repository.RoomAssetRepository;
import com.renovation.media.assets.rest.dto.LiveChanges;
import com.renovation.media.assets.service.live.LiveEventKind;
import com.renovation.media.assets.service.live.LiveEvents;
import com.renovation.media.assets.service.uploads.UploadRules;
import com.renovation.media.contracts.events.payload.VideoProbed;
import com.renovation.media.contracts.events.payload.VideoProgress;
import com.renovation.media.messaging.consumer.PermanentEventFailure;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * Applies the video worker's findings to a video asset, inside the consumer's transaction: its probe (duration,
 * displayed size, codecs) and how far its web MP4 has come. The owner sees both on the live channel as
 * {@code asset.processing}. Events of a deleted asset are ignored; an event about an asset that is no video or not
 * confirmed yet, or with values no probe gives, goes to the dead-letter topic and changes nothing.
 */
@ApplicationScoped
public class VideoProjection {

    private static final Logger LOG = Logger.getLogger(VideoProjection.class);
    /** Codec names as ffprobe gives them (h264, hevc, vp9, aac, opus, pcm_s16le…). */
    private static final Pattern CODEC = Pattern.compile("[a-z0-9_.-]{1,64}");
    /** A day: far beyond any accepted video, below what makes a duration nonsense. */
    private static final double MAX_DURATION_SECONDS = 86_400;
    private static final int MAX_SIDE = 65_535;

    private final RoomAssetRepository assets;
    private final AssetVariantRepository variants;
    private final LiveEvents live;

    public VideoProjection(RoomAssetRepository assets, AssetVariantRepository variants, LiveEvents live) {
        this.assets = assets;
        this.variants = variants;
        this.live = live;
    }

    public Uni<Void> probed(VideoProbed event) {
        check(event);
        return onVideo(event.assetId(), asset -> {
            asset.durationSeconds = event.durationSeconds();
            asset.width = event.width();
            asset.height = event.height();
            asset.videoCodec = event.videoCodec();
            asset.audioCodec = event.audioCodec();
            return processing(asset);
        });
    }

    /**
     * The percentage only grows while the asset waits for its variants: a redelivered or late step, or one of a
     * retried attempt starting again, changes nothing; a ready or failed asset keeps what it has.
     */
    public Uni<Void> progress(VideoProgress event) {
        if (event.percent() < 0 || event.percent() > 100) {
            throw new PermanentEventFailure("video.progress of asset " + event.assetId() + " says " + event.percent()
                    + " %, outside 0–100");
        }
        return onVideo(event.assetId(), asset -> {
            if (!asset.status.awaitsVariants() || asset.processingProgress != null
                    && event.percent() <= asset.processingProgress) {
                return false;
            }
            asset.processingProgress = event.percent();
            return processing(asset);
        });
    }

    /** The worker has started on the asset: it is processing now, and its owner is told. */
    private static boolean processing(RoomAsset asset) {
        asset.updatedAt = Instant.now();
        if (!asset.status.awaitsVariants()) {
            return false; // a late redelivery to a ready or failed asset: its figures are kept quietly
        }
        asset.status = AssetStatus.PROCESSING;
        return true;
    }

    /** Locks the asset and applies {@code change}, which says whether the owner should hear of it. */
    private Uni<Void> onVideo(UUID assetId, Function<RoomAsset, Boolean> change) {
        return assets.lock(assetId).chain(asset -> {
            if (asset == null) {
                LOG.debugf("video event of deleted asset %s ignored", assetId);
                return Uni.createFrom().voidItem();
            }
            if (!UploadRules.VIDEO.equals(asset.assetType)) {
                throw new PermanentEventFailure("asset " + assetId + " is a " + asset.assetType + ", not a video");
            }
            if (asset.status == AssetStatus.PENDING) { // the worker starts from asset.confirmed, never before
                throw new PermanentEventFailure("video " + assetId + " has not been confirmed");
            }
            if (!change.apply(asset)) {
                return Uni.createFrom().voidItem();
            }
            return variants.ofAsset(asset.id).chain(all -> live.add(asset.sessionId, LiveEventKind.ASSET_PROCESSING,
                    LiveChanges.AssetChange.of(asset, all)));
        });
    }

    private static void check(VideoProbed event) {
        String problem = null;
        if (!(event.durationSeconds() > 0 && event.durationSeconds() <= MAX_DURATION_SECONDS)) {
            problem = "a duration of " + event.durationSeconds() + " s";
        } else if (event.width() <= 0 || event.height() <= 0 || event.width() > MAX_SIDE
                || event.height() > MAX_SIDE) {
            problem = "a size of " + event.width() + "x" + event.height();
        } else if (event.videoCodec() == null || !CODEC.matcher(event.videoCodec()).matches()) {
            problem = "a video codec that is no codec name";
        } else if (event.audioCodec() != null && !CODEC.matcher(event.audioCodec()).matches()) {
            problem = "an audio codec that is no codec name";
        }
        if (problem != null) {
            throw new PermanentEventFailure("video.probed of asset " + event.assetId() + " gives " + problem);
        }
    }
}
