package com.renovation.media.assets.service.documents;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.renovation.media.assets.repository.AssetComparisonRepository;
import com.renovation.media.assets.repository.AssetVariant;
import com.renovation.media.assets.repository.AssetVariantRepository;
import com.renovation.media.assets.repository.Room;
import com.renovation.media.assets.repository.RoomAsset;
import com.renovation.media.assets.repository.RoomAssetRepository;
import com.renovation.media.assets.repository.Session;
import com.renovation.media.contracts.variants.VariantStatus;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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

    public Uni<ObjectNode> of(Session session, Room room, ObjectNode content) {
        return assets.find("roomId = ?1 and status in ('uploaded', 'processing', 'ready')"
                + " and contentType like 'image/%' order by displayOrder, createdAt, id", room.id)
                .range(0, limits.maxItems() - 1).list()
                .chain(images -> variants.ofAssets(images.stream().map(a -> a.id).toList())
                        .chain(found -> comparisons.ofRoom(room.id)
                                .map(pairs -> build(session, room, content, images, best(found), pairs))));
    }

    private static Map<UUID, AssetVariant> best(List<AssetVariant> found) {
        return found.stream()
                .filter(v -> REPORT_VARIANT.equals(v.variantType) && REPORT_FORMAT.equals(v.format)
                        && v.processingStatus == VariantStatus.READY && v.storagePath != null)
                .collect(Collectors.toMap(v -> v.parentAssetId, Function.identity(), (a, b) -> a));
    }

    private static ObjectNode build(Session session, Room room, ObjectNode content, List<RoomAsset> images,
            Map<UUID, AssetVariant> variants, List<com.renovation.media.assets.repository.AssetComparison> pairs) {
        ObjectNode roomNode = content.putObject("room");
        roomNode.put("id", room.id.toString()).put("name", room.name).put("roomType", room.roomType);
        ArrayNode imageList = content.putArray("images");
        for (RoomAsset asset : images) {
            ObjectNode image = imageList.addObject();
            image.put("assetId", asset.id.toString()).put("assetType", asset.assetType)
                    .put("caption", asset.caption).put("altText", asset.altText)
                    .put("width", asset.width).put("height", asset.height);
            image.putObject("original").put("key", asset.storagePath).put("contentType", asset.contentType);
            AssetVariant variant = variants.get(asset.id);
            if (variant == null) {
                image.putNull("variant");
            } else {
                image.putObject("variant").put("key", variant.storagePath).put("contentType", variant.contentType)
                        .put("width", variant.width).put("height", variant.height);
            }
        }
        ArrayNode comparisonList = content.putArray("comparisons");
        List<String> present = images.stream().map(a -> a.id.toString()).toList();
        for (var pair : pairs) {
            if (present.contains(pair.beforeAssetId.toString()) && present.contains(pair.afterAssetId.toString())) {
                comparisonList.addObject().put("id", pair.id.toString()).put("title", pair.title)
                        .put("description", pair.description)
                        .put("beforeAssetId", pair.beforeAssetId.toString())
                        .put("afterAssetId", pair.afterAssetId.toString());
            }
        }
        content.putObject("render").put("sessionTitle", session.title).put("variantType", REPORT_VARIANT)
                .put("format", REPORT_FORMAT).put("imageCount", imageList.size())
                .put("comparisonCount", comparisonList.size()).put("snapshotAt", Instant.now().toString());
        return content;
    }
}
