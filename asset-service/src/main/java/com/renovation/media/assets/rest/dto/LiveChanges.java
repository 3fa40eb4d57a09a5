package com.renovation.media.assets.rest.dto;

import com.renovation.media.assets.repository.AssetStatus;
import com.renovation.media.assets.repository.AssetVariant;
import com.renovation.media.assets.repository.DocumentArtifact;
import com.renovation.media.assets.repository.RenderStatus;
import com.renovation.media.assets.repository.RoomAsset;
import com.renovation.media.contracts.documents.DocumentStatus;
import com.renovation.media.contracts.documents.DocumentType;
import com.renovation.media.contracts.variants.VariantStatus;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * The {@code data} of the events {@code GET /events} streams: ids, statuses and variant shapes, never a signed
 * URL (a resumed stream may replay an event long after a URL would have expired) and nothing of another user.
 * A client that wants an asset's URLs reads {@code GET /assets/{id}}.
 */
public final class LiveChanges {

    private LiveChanges() {
    }

    /** What {@code data} of one event is. */
    public sealed interface LiveChange permits AssetChange, AssetRemoved, DocumentChange, RoomRemoved,
            SessionRemoved, ArtefactChange, ArtefactRemoved, ExportChange {
    }

    /**
     * An asset's state now, with each variant made so far; for a video, how far its web MP4 has come
     * ({@code processingProgress}, 0–100, null for other types).
     */
    public record AssetChange(UUID assetId, UUID sessionId, UUID roomId, String assetType, AssetStatus status,
            String failureReason, List<VariantState> variants, Integer processingProgress) implements LiveChange {

        public static AssetChange of(RoomAsset asset, List<AssetVariant> variants) {
            return new AssetChange(asset.id, asset.sessionId, asset.roomId, asset.assetType, asset.status,
                    asset.failureReason, variants.stream().map(VariantState::of)
                            .sorted(Comparator.comparing(VariantState::variantType).thenComparing(VariantState::format))
                            .toList(), asset.processingProgress);
        }
    }

    public record VariantState(String variantType, String format, Integer width, Integer height, Long fileSize,
            VariantStatus status) {

        static VariantState of(AssetVariant v) {
            return new VariantState(v.variantType, v.format, v.width, v.height, v.fileSize, v.processingStatus);
        }
    }

    public record DocumentChange(UUID documentId, UUID sessionId, UUID roomId, DocumentType documentType,
            int version, DocumentStatus status, String error, Integer pageCount) implements LiveChange {

        public static DocumentChange of(DocumentArtifact d) {
            return new DocumentChange(d.id, d.sessionId, d.roomId, d.documentType, d.version, d.status, d.error,
                    d.pageCount);
        }
    }

    /** The asset is gone ({@code asset.deleted}); a removed room or session announces only itself. */
    public record AssetRemoved(UUID assetId, UUID sessionId, UUID roomId) implements LiveChange {
    }

    public record RoomRemoved(UUID roomId, UUID sessionId) implements LiveChange {
    }

    public record SessionRemoved(UUID sessionId) implements LiveChange {
    }

    /** A new version of an artefact, or its thumbnail made or failed. */
    public record ArtefactChange(UUID artefactId, UUID sessionId, UUID roomId, int version,
            RenderStatus thumbnailStatus) implements LiveChange {
    }

    public record ArtefactRemoved(UUID artefactId, UUID sessionId, UUID roomId) implements LiveChange {
    }

    /** An export is ready to download, or failed. */
    public record ExportChange(UUID exportId, UUID artefactId, RenderStatus status) implements LiveChange {
    }
}
