package com.renovation.media.assets.service.backups;

import com.renovation.media.assets.repository.AssetComparison;
import com.renovation.media.assets.repository.DocumentArtifact;
import com.renovation.media.assets.repository.Room;
import com.renovation.media.assets.repository.RoomAsset;
import com.renovation.media.assets.repository.Session;
import com.renovation.media.contracts.documents.DocumentType;
import com.renovation.media.contracts.documents.GeneratedBy;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The rows of one session as a backup keeps them, written as {@code manifest.json} beside the copies of the
 * originals. Only what a restore needs: confirmed assets (a pending upload has no bytes to keep), and documents
 * by their request (the PDFs are made again). A restore reads every schema version it knows.
 */
public record BackupManifest(int schemaVersion, UUID backupId, Instant createdAt, SessionRow session,
        List<RoomRow> rooms, List<AssetRow> assets, List<ComparisonRow> comparisons, List<DocumentRow> documents) {

    public static final int SCHEMA_VERSION = 1;

    public record SessionRow(UUID id, String ownerId, String title, Instant createdAt, Instant updatedAt) {
        static SessionRow of(Session s) {
            return new SessionRow(s.id, s.ownerId, s.title, s.createdAt, s.updatedAt);
        }
    }

    public record RoomRow(UUID id, String name, String roomType, Instant createdAt) {
        static RoomRow of(Room r) {
            return new RoomRow(r.id, r.name, r.roomType, r.createdAt);
        }
    }

    /** {@code backupKey}: where this backup's copy of the original lies. */
    public record AssetRow(UUID id, UUID roomId, String uploadedBy, String assetType, String storagePath,
            String backupKey, String source, String originalFilename, String contentType, long fileSize,
            int displayOrder, String caption, String altText, Map<String, Object> metadata, String sha256,
            Integer width, Integer height, Instant createdAt, Instant confirmedAt) {
        static AssetRow of(RoomAsset a, String backupKey) {
            return new AssetRow(a.id, a.roomId, a.uploadedBy, a.assetType, a.storagePath, backupKey, a.source,
                    a.originalFilename, a.contentType, a.fileSize, a.displayOrder, a.caption, a.altText, a.metadata,
                    a.sha256, a.width, a.height, a.createdAt, a.confirmedAt);
        }
    }

    public record ComparisonRow(UUID id, UUID roomId, UUID beforeAssetId, UUID afterAssetId, String title,
            String description, int displayOrder, Instant createdAt) {
        static ComparisonRow of(AssetComparison c) {
            return new ComparisonRow(c.id, c.roomId, c.beforeAssetId, c.afterAssetId, c.title, c.description,
                    c.displayOrder, c.createdAt);
        }
    }

    /**
     * {@code content}: the request's typed content in the contracts' JSON, null if it was never kept.
     * {@code generatedBy}, {@code generationPrompt}, {@code author}, {@code message} and
     * {@code restoredFromVersion} are absent from manifests older than them (null).
     */
    public record DocumentRow(UUID id, UUID roomId, DocumentType documentType, String phase, String title,
            int version, UUID previousVersionId, Instant expiresAt, Map<String, Object> content, Instant createdAt,
            GeneratedBy generatedBy, String generationPrompt, String author, String message,
            Integer restoredFromVersion) {
        static DocumentRow of(DocumentArtifact d) {
            return new DocumentRow(d.id, d.roomId, d.documentType, d.phase, d.title, d.version, d.previousVersionId,
                    d.expiresAt, d.content, d.createdAt, d.generatedBy, d.generationPrompt, d.author, d.message,
                    d.restoredFromVersion);
        }
    }

    /** The bytes of the originals this backup copied. */
    public long originalBytes() {
        return assets.stream().mapToLong(AssetRow::fileSize).sum();
    }
}
