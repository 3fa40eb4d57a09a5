package com.renovation.media.assets.service.documents;

import com.renovation.media.assets.repository.AssetComparison;
import com.renovation.media.assets.repository.AssetComparisonRepository;
import com.renovation.media.assets.repository.AssetStatus;
import com.renovation.media.assets.repository.AssetVariant;
import com.renovation.media.assets.repository.AssetVariantRepository;
import com.renovation.media.assets.repository.Room;
import com.renovation.media.assets.repository.RoomAsset;
import com.renovation.media.assets.repository.RoomAssetRepository;
import com.renovation.media.assets.repository.Session;
import com.renovation.media.contracts.documents.RoomReport;
import com.renovation.media.contracts.variants.VariantStatus;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a room report is drawn from, taken when it is requested: the room's confirmed images in display order
 * (caption, alt text, the original's key and type, the {@code optimized} JPEG variant's key when it is ready),
 * its before/after comparisons, and render metadata. Deleted assets are simply not in it; document-service
 * reads the objects by these keys.
 */
@ApplicationScoped
public class DocumentRoomSnapshot {

    static final String REPORT_VARIANT = "optimized";
    static final String REPORT_FORMAT = "jpeg";

    private final RoomAssetRepository assets;
    private final AssetVariantRepository variants;
    private final AssetComparisonRepository comparisons;
    private final DocumentLimits limits;

    public DocumentRoomSnapshot(RoomAssetRepository assets, AssetVariantRepository variants,
            AssetComparisonRepository comparisons, DocumentLimits limits) {
        this.assets = assets;
        this.variants = variants;
        this.comparisons = comparisons;
        this.limits = limits;
    }

    /** The report with the client's notes and the room as it is now. */
    public Uni<RoomReport> of(Session session, Room room, RoomReport requested) {
        return assets.find("roomId = ?1 and status in ?2"
                + " and contentType like 'image/%' order by displayOrder, createdAt, id", room.id, AssetStatus.IN_USE)
                .range(0, limits.maxItems() - 1).list()
                .chain(images -> variants.ofAssets(images.stream().map(a -> a.id).toList())
                        .chain(found -> comparisons.ofRoom(room.id)
                                .map(pairs -> build(session, room, requested, images, best(found), pairs))));
    }

    private static Map<UUID, AssetVariant> best(List<AssetVariant> found) {
        return found.stream()
                .filter(v -> REPORT_VARIANT.equals(v.variantType) && REPORT_FORMAT.equals(v.format)
                        && v.processingStatus == VariantStatus.READY && v.storagePath != null)
                .collect(Collectors.toMap(v -> v.parentAssetId, Function.identity(), (a, b) -> a));
    }

    private static RoomReport build(Session session, Room room, RoomReport requested, List<RoomAsset> assets,
            Map<UUID, AssetVariant> variants, List<AssetComparison> pairs) {
        List<RoomReport.Image> images = assets.stream().map(asset -> image(asset, variants.get(asset.id))).toList();
        Set<UUID> present = assets.stream().map(asset -> asset.id).collect(Collectors.toSet());
        List<RoomReport.Comparison> shown = pairs.stream()
                .filter(pair -> present.contains(pair.beforeAssetId) && present.contains(pair.afterAssetId))
                .map(pair -> new RoomReport.Comparison(pair.id, pair.title, pair.description, pair.beforeAssetId,
                        pair.afterAssetId))
                .toList();
        return new RoomReport(requested.notes(), new RoomReport.Room(room.id, room.name, room.roomType), images,
                shown, new RoomReport.Render(session.title, REPORT_VARIANT, REPORT_FORMAT, images.size(),
                        shown.size(), Instant.now()));
    }

    private static RoomReport.Image image(RoomAsset asset, AssetVariant variant) {
        return new RoomReport.Image(asset.id, asset.assetType, asset.caption, asset.altText, asset.width,
                asset.height, new RoomReport.StoredObject(asset.storagePath, asset.contentType, null, null),
                variant == null ? null : new RoomReport.StoredObject(variant.storagePath, variant.contentType,
                        variant.width, variant.height));
    }
}
