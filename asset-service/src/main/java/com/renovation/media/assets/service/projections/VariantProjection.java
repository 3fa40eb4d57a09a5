package com.renovation.media.assets.service.projections;

import com.renovation.media.assets.repository.AssetStatus;
import com.renovation.media.assets.repository.AssetVariant;
import com.renovation.media.assets.repository.AssetVariantRepository;
import com.renovation.media.assets.repository.RoomAsset;
import com.renovation.media.assets.repository.RoomAssetRepository;
import com.renovation.media.assets.rest.dto.LiveChanges;
import com.renovation.media.assets.service.live.LiveEventKind;
import com.renovation.media.assets.service.live.LiveEvents;
import com.renovation.media.assets.service.uploads.UploadRules;
import com.renovation.media.contracts.events.payload.VariantFailed;
import com.renovation.media.contracts.events.payload.VariantReady;
import com.renovation.media.contracts.variants.VariantStatus;
import com.renovation.media.contracts.videos.VideoOutputs;
import com.renovation.media.messaging.consumer.PermanentEventFailure;
import com.renovation.media.storage.layout.Buckets;
import com.renovation.media.storage.layout.StoragePaths;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Applies variant events to this service's projection, inside the consumer's transaction: an asset is
 * {@code processing} while variants arrive, {@code ready} once all it expects are ready, {@code failed} (with
 * the reason) when one cannot be made. Events of a deleted asset are ignored. A video's variants are its poster
 * frames and its web MP4, which only a video may have.
 */
@ApplicationScoped
public class VariantProjection {

    private static final Logger LOG = Logger.getLogger(VariantProjection.class);

    private final RoomAssetRepository assets;
    private final AssetVariantRepository variants;
    private final LiveEvents live;

    public VariantProjection(RoomAssetRepository assets, AssetVariantRepository variants, LiveEvents live) {
        this.assets = assets;
        this.variants = variants;
        this.live = live;
    }

    /** Only events of room assets arrive here (the consumer acknowledges the catalog's without a transaction). */
    public Uni<Void> ready(VariantReady event) {
        return assets.lock(event.sourceId()).chain(asset -> {
            if (asset == null) {
                LOG.debugf("variant of deleted asset %s ignored", event.sourceId());
                return Uni.createFrom().voidItem();
            }
            // this service signs URLs for the key: it must be a variant of this very asset
            if (!Buckets.USER_UPLOADS.equals(event.bucket())
                    || !StoragePaths.isVariantOf(asset.storagePath, event.storagePath())) {
                throw new PermanentEventFailure("variant " + event.bucket() + "/" + event.storagePath()
                        + " is not in the variants folder of asset " + asset.id);
            }
            if (VideoOutputs.WEB_VARIANT.equals(event.variantType()) && !isWebMp4Of(asset, event)) {
                throw new PermanentEventFailure("a web variant is an MP4 (" + VideoOutputs.WEB_CONTENT_TYPE
                        + ") of a video; asset " + asset.id + " is a " + asset.assetType + ", the variant "
                        + event.format() + " " + event.contentType());
            }
            return withVariant(asset.id, event.variantType(), event.format()).chain(found -> {
                AssetVariant variant = found.variant();
                variant.storagePath = event.storagePath();
                variant.contentType = event.contentType();
                variant.fileSize = event.fileSize();
                variant.width = event.width();
                variant.height = event.height();
                variant.processingStatus = VariantStatus.READY;
                variant.processingError = null;
                variant.processedAt = Instant.now();
                return variants.persist(variant).replaceWith(found.all());
            }).chain(all -> {
                long readyCount = all.stream().filter(v -> v.processingStatus == VariantStatus.READY).count();
                LiveEventKind change = advance(asset, readyCount >= event.expectedVariants());
                return change == null ? Uni.createFrom().voidItem()
                        : live.add(asset.sessionId, change, LiveChanges.AssetChange.of(asset, all));
            });
        });
    }

    public Uni<Void> failed(VariantFailed event) {
        return assets.lock(event.sourceId()).chain(asset -> {
            if (asset == null) {
                return Uni.createFrom().voidItem();
            }
            String format = event.format() == null ? "any" : event.format();
            return withVariant(asset.id, event.variantType(), format).chain(found -> {
                AssetVariant variant = found.variant();
                variant.processingStatus = VariantStatus.FAILED;
                variant.processingError = event.error();
                variant.processedAt = Instant.now();
                return variants.persist(variant).replaceWith(found.all());
            }).chain(all -> {
                if (!asset.status.awaitsVariants()) {
                    return Uni.createFrom().voidItem(); // a late format of a ready asset: it stays ready
                }
                asset.status = AssetStatus.FAILED;
                asset.failureReason = "variants could not be made: " + event.error();
                asset.updatedAt = Instant.now();
                return live.add(asset.sessionId, LiveEventKind.ASSET_FAILED, LiveChanges.AssetChange.of(asset, all));
            });
        });
    }

    /**
     * Moves the asset on with one more ready variant, and says what its owner is told: the first variants
     * ({@code processing}), the last one it waited for ({@code ready}), or a later format of a ready asset.
     */
    private static LiveEventKind advance(RoomAsset asset, boolean complete) {
        if (!asset.status.awaitsVariants()) {
            return asset.status == AssetStatus.READY ? LiveEventKind.ASSET_VARIANT : null;
        }
        AssetStatus next = complete ? AssetStatus.READY : AssetStatus.PROCESSING;
        if (next == asset.status) {
            return null;
        }
        asset.status = next;
        asset.updatedAt = Instant.now();
        if (complete && UploadRules.VIDEO.equals(asset.assetType)) {
            asset.processingProgress = 100; // its web MP4 is among the variants it waited for
        }
        return complete ? LiveEventKind.ASSET_READY : LiveEventKind.ASSET_PROCESSING;
    }

    private static boolean isWebMp4Of(RoomAsset asset, VariantReady event) {
        return UploadRules.VIDEO.equals(asset.assetType) && VideoOutputs.WEB_FORMAT.equals(event.format())
                && VideoOutputs.WEB_CONTENT_TYPE.equals(event.contentType());
    }

    /** An asset's variants, with the one of this type and format among them (new when there was none). */
    private record WithVariant(AssetVariant variant, List<AssetVariant> all) {
    }

    /**
     * The asset's variants in one query, the one of this type and format found among them or made: the list the
     * live event carries, without a second query for it.
     */
    private Uni<WithVariant> withVariant(UUID assetId, String variantType, String format) {
        return variants.ofAsset(assetId).map(existing -> {
            for (AssetVariant variant : existing) {
                if (variant.variantType.equals(variantType) && variant.format.equals(format)) {
                    return new WithVariant(variant, existing);
                }
            }
            AssetVariant variant = new AssetVariant();
            variant.id = UUID.randomUUID();
            variant.parentAssetId = assetId;
            variant.variantType = variantType;
            variant.format = format;
            variant.createdAt = Instant.now();
            List<AssetVariant> all = new ArrayList<>(existing);
            all.add(variant);
            all.sort(AssetVariantRepository.ORDER);
            return new WithVariant(variant, all);
        });
    }
}
