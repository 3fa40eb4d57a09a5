package com.renovation.media.assets.service.backups;

import com.renovation.media.assets.repository.AssetComparison;
import com.renovation.media.assets.repository.AssetStatus;
import com.renovation.media.assets.repository.DocumentArtifact;
import com.renovation.media.assets.repository.Room;
import com.renovation.media.assets.repository.RoomAsset;
import com.renovation.media.assets.repository.Session;
import com.renovation.media.assets.repository.SessionKind;
import com.renovation.media.assets.service.assets.MetadataRules;
import com.renovation.media.assets.service.documents.DocumentContents;
import com.renovation.media.contracts.documents.DocumentContent;
import com.renovation.media.contracts.documents.DocumentStatus;
import com.renovation.media.contracts.documents.GeneratedBy;
import com.renovation.media.contracts.documents.RoomReport;
import com.renovation.media.storage.layout.StoragePaths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The rows a restore inserts, made from a manifest: a new session with new ids for everything, every reference
 * between the rows (rooms, asset ids in metadata, comparisons, document lineages, room report snapshots) pointing
 * at the new ids, and the originals' keys under the new session ({@code copies}: from the backup's copies). Pure, so the mapping is tested on its own.
 */
public record RestorePlan(Session session, List<Room> rooms, List<RoomAsset> assets,
        List<AssetComparison> comparisons, List<RestoredDocument> documents, List<ObjectCopies.Copy> copies) {

    static final String TITLE_SUFFIX = " (restored)";
    private static final int MAX_TITLE = 200;

    /** A document asked for again: its new row (pending) and the content its request carries. */
    public record RestoredDocument(DocumentArtifact row, DocumentContent content) {
    }

    public static RestorePlan of(BackupManifest manifest, UUID newSessionId, Instant now) {
        Session session = new Session();
        session.id = newSessionId;
        session.ownerId = manifest.session().ownerId();
        session.kind = SessionKind.PROJECT;
        session.title = restoredTitle(manifest.session().title());
        session.createdAt = now;
        session.updatedAt = now;

        Map<UUID, UUID> roomIds = new HashMap<>();
        List<Room> rooms = manifest.rooms().stream().map(backedUp -> {
            Room room = new Room();
            room.id = UUID.randomUUID();
            roomIds.put(backedUp.id(), room.id);
            room.sessionId = newSessionId;
            room.name = backedUp.name();
            room.roomType = backedUp.roomType();
            room.createdAt = backedUp.createdAt();
            room.updatedAt = now;
            return room;
        }).toList();

        Map<UUID, UUID> assetIds = new HashMap<>();
        manifest.assets().stream().filter(a -> roomIds.containsKey(a.roomId()))
                .forEach(a -> assetIds.put(a.id(), UUID.randomUUID()));
        Map<String, String> keys = new HashMap<>();
        List<ObjectCopies.Copy> copies = new ArrayList<>();
        List<RoomAsset> assets = manifest.assets().stream().filter(a -> assetIds.containsKey(a.id())).map(backedUp -> {
            RoomAsset asset = new RoomAsset();
            asset.id = assetIds.get(backedUp.id());
            asset.sessionId = newSessionId;
            asset.roomId = roomIds.get(backedUp.roomId());
            asset.uploadedBy = backedUp.uploadedBy();
            asset.assetType = backedUp.assetType();
            asset.storagePath = movedKey(backedUp.storagePath(), newSessionId, asset.roomId, asset.assetType);
            keys.put(backedUp.storagePath(), asset.storagePath);
            copies.add(new ObjectCopies.Copy(backedUp.backupKey(), asset.storagePath));
            asset.source = backedUp.source();
            asset.status = AssetStatus.UPLOADED; // variants are made again from asset.confirmed
            asset.originalFilename = backedUp.originalFilename();
            asset.contentType = backedUp.contentType();
            asset.fileSize = backedUp.fileSize();
            asset.displayOrder = backedUp.displayOrder();
            asset.caption = backedUp.caption();
            asset.altText = backedUp.altText();
            asset.metadata = remapReferences(backedUp.metadata(), assetIds);
            asset.sha256 = backedUp.sha256();
            asset.width = backedUp.width();
            asset.height = backedUp.height();
            asset.createdAt = backedUp.createdAt();
            asset.updatedAt = now;
            asset.confirmedAt = backedUp.confirmedAt();
            return asset;
        }).toList();

        Map<UUID, UUID> comparisonIds = new HashMap<>();
        List<AssetComparison> comparisons = manifest.comparisons().stream()
                .filter(c -> roomIds.containsKey(c.roomId()) && assetIds.containsKey(c.beforeAssetId())
                        && assetIds.containsKey(c.afterAssetId()))
                .map(backedUp -> {
                    AssetComparison pair = new AssetComparison();
                    pair.id = UUID.randomUUID();
                    comparisonIds.put(backedUp.id(), pair.id);
                    pair.sessionId = newSessionId;
                    pair.roomId = roomIds.get(backedUp.roomId());
                    pair.beforeAssetId = assetIds.get(backedUp.beforeAssetId());
                    pair.afterAssetId = assetIds.get(backedUp.afterAssetId());
                    pair.title = backedUp.title();
                    pair.description = backedUp.description();
                    pair.displayOrder = backedUp.displayOrder();
                    pair.createdAt = backedUp.createdAt();
                    return pair;
                }).toList();

        List<RestoredDocument> documents = documents(manifest, newSessionId, now, roomIds,
                new Remap(assetIds, comparisonIds, keys));
        return new RestorePlan(session, rooms, assets, comparisons, documents, copies);
    }

    record Remap(Map<UUID, UUID> assetIds, Map<UUID, UUID> comparisonIds, Map<String, String> keys) {
    }

    /**
     * Documents whose request was kept, and which have not expired, in version order within each lineage, so a
     * version's previous one is inserted before it.
     */
    private static List<RestoredDocument> documents(BackupManifest manifest, UUID newSessionId, Instant now,
            Map<UUID, UUID> roomIds, Remap remap) {
        Map<UUID, UUID> documentIds = new HashMap<>();
        List<RestoredDocument> restored = new ArrayList<>();
        manifest.documents().stream()
                .filter(d -> d.content() != null && (d.expiresAt() == null || d.expiresAt().isAfter(now))
                        && (d.roomId() == null || roomIds.containsKey(d.roomId())))
                .sorted(Comparator.comparingInt(BackupManifest.DocumentRow::version))
                .forEach(backedUp -> {
                    DocumentArtifact row = new DocumentArtifact();
                    row.id = UUID.randomUUID();
                    documentIds.put(backedUp.id(), row.id);
                    row.sessionId = newSessionId;
                    row.roomId = backedUp.roomId() == null ? null : roomIds.get(backedUp.roomId());
                    row.documentType = backedUp.documentType();
                    row.phase = backedUp.phase();
                    row.title = backedUp.title();
                    row.version = backedUp.version();
                    row.previousVersionId = backedUp.previousVersionId() == null ? null
                            : documentIds.get(backedUp.previousVersionId());
                    row.status = DocumentStatus.PENDING;
                    row.createdAt = backedUp.createdAt();
                    row.updatedAt = now;
                    row.expiresAt = backedUp.expiresAt();
                    row.generatedBy = backedUp.generatedBy() == null ? GeneratedBy.SYSTEM : backedUp.generatedBy();
                    row.generationPrompt = backedUp.generationPrompt();
                    row.author = backedUp.author();
                    row.message = backedUp.message();
                    row.restoredFromVersion = backedUp.restoredFromVersion();
                    DocumentContent content = DocumentContents.fromJson(backedUp.documentType(), backedUp.content());
                    if (content instanceof RoomReport report) {
                        content = remapReport(report, row.roomId, remap);
                    }
                    row.content = DocumentContents.toJson(content);
                    restored.add(new RestoredDocument(row, content));
                });
        return restored;
    }

    /**
     * A room report's snapshot pointing at the restored rows: images of assets the backup holds, with their new
     * keys and without a variant (the new session's variants are still being made), and the comparisons of those.
     */
    static RoomReport remapReport(RoomReport report, UUID newRoomId, Remap remap) {
        List<RoomReport.Image> images = report.imageList().stream()
                .filter(image -> remap.assetIds().containsKey(image.assetId())
                        && image.original() != null && remap.keys().containsKey(image.original().key()))
                .map(image -> new RoomReport.Image(remap.assetIds().get(image.assetId()), image.assetType(),
                        image.caption(), image.altText(), image.width(), image.height(),
                        new RoomReport.StoredObject(remap.keys().get(image.original().key()),
                                image.original().contentType(), image.original().width(), image.original().height()),
                        null))
                .toList();
        List<RoomReport.Comparison> comparisons = report.comparisonList().stream()
                .filter(c -> remap.comparisonIds().containsKey(c.id())
                        && remap.assetIds().containsKey(c.beforeAssetId())
                        && remap.assetIds().containsKey(c.afterAssetId()))
                .map(c -> new RoomReport.Comparison(remap.comparisonIds().get(c.id()), c.title(), c.description(),
                        remap.assetIds().get(c.beforeAssetId()), remap.assetIds().get(c.afterAssetId())))
                .toList();
        RoomReport.Room room = report.room() == null ? null
                : new RoomReport.Room(newRoomId, report.room().name(), report.room().roomType());
        RoomReport.Render render = report.render() == null ? null
                : new RoomReport.Render(report.render().sessionTitle(), report.render().variantType(),
                        report.render().format(), images.size(), comparisons.size(), report.render().snapshotAt());
        return new RoomReport(report.notes(), room, report.images() == null ? null : images,
                report.comparisons() == null ? null : comparisons, render);
    }

    /** The metadata with every asset reference pointing at the restored asset; one to an asset not restored goes. */
    static Map<String, Object> remapReferences(Map<String, Object> metadata, Map<UUID, UUID> assetIds) {
        if (metadata == null) {
            return null;
        }
        Map<String, Object> remapped = new LinkedHashMap<>(metadata);
        for (String field : MetadataRules.ASSET_REFERENCES) {
            Object value = remapped.get(field);
            if (value == null) {
                continue;
            }
            UUID target = assetIds.get(uuidOrNull(String.valueOf(value)));
            if (target == null) {
                remapped.remove(field);
            } else {
                remapped.put(field, target.toString());
            }
        }
        return remapped;
    }

    private static UUID uuidOrNull(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The original's key in the new session and room, keeping its file name (timestamp and safe name). */
    static String movedKey(String oldKey, UUID sessionId, UUID roomId, String assetType) {
        String name = oldKey.substring(oldKey.lastIndexOf('/') + 1);
        int split = name.indexOf('_');
        if (split > 0 && name.substring(0, split).chars().allMatch(Character::isDigit)) {
            return StoragePaths.assetKey(sessionId, roomId, assetType, Long.parseLong(name.substring(0, split)),
                    name.substring(split + 1));
        }
        return StoragePaths.assetKey(sessionId, roomId, assetType, StoragePaths.uniqueTimestamp(), name);
    }

    static String restoredTitle(String title) {
        String base = Objects.requireNonNullElse(title, "Session");
        int room = MAX_TITLE - TITLE_SUFFIX.length();
        return (base.length() > room ? base.substring(0, room) : base) + TITLE_SUFFIX;
    }
}
