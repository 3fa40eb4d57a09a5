package com.renovation.media.assets.service.backups;

import static org.assertj.core.api.Assertions.assertThat;

import com.renovation.media.assets.repository.AssetStatus;
import com.renovation.media.assets.service.documents.DocumentContents;
import com.renovation.media.contracts.documents.Checklist;
import com.renovation.media.contracts.documents.DocumentType;
import com.renovation.media.contracts.documents.GeneratedBy;
import com.renovation.media.contracts.documents.RoomReport;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A restore's rows: new ids everywhere, every reference between rows following them, keys in the new session. */
class RestorePlanTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private final UUID session = UUID.randomUUID();
    private final UUID room = UUID.randomUUID();
    private final UUID before = UUID.randomUUID();
    private final UUID after = UUID.randomUUID();
    private final UUID pair = UUID.randomUUID();

    private BackupManifest.AssetRow asset(UUID id, String name, Map<String, Object> metadata) {
        return new BackupManifest.AssetRow(id, room, "u", "photo", "session_" + session + "/room_" + room
                + "/photos/1700000000000_" + name, "backups/x/" + id, "user_upload", name, "image/jpeg", 10, 0,
                null, null, metadata, "abc", 4, 3, NOW.minusSeconds(60), NOW.minusSeconds(50));
    }

    private BackupManifest manifest(List<BackupManifest.DocumentRow> documents) {
        return new BackupManifest(1, UUID.randomUUID(), NOW, new BackupManifest.SessionRow(session, "u",
                "x".repeat(200), NOW, NOW), List.of(new BackupManifest.RoomRow(room, "Kitchen", "kitchen", NOW)),
                List.of(asset(before, "a.jpg", Map.of()), asset(after, "b.jpg",
                        Map.of("basedOnAssetId", before.toString(), "beforeAssetId", UUID.randomUUID().toString(),
                                "prompt", "p"))),
                List.of(new BackupManifest.ComparisonRow(pair, room, before, after, "t", null, 0, NOW)), documents);
    }

    @Test
    void everyIdIsNewAndEveryReferenceFollows() {
        UUID newSession = UUID.randomUUID();
        RestorePlan plan = RestorePlan.of(manifest(List.of()), newSession, NOW);

        assertThat(plan.session().title).hasSize(200).endsWith(" (restored)");
        UUID newRoom = plan.rooms().get(0).id;
        assertThat(newRoom).isNotEqualTo(room);
        UUID newBefore = plan.assets().get(0).id;
        UUID newAfter = plan.assets().get(1).id;
        assertThat(List.of(newBefore, newAfter)).doesNotContain(before, after);
        assertThat(plan.assets()).allSatisfy(a -> {
            assertThat(a.sessionId).isEqualTo(newSession);
            assertThat(a.roomId).isEqualTo(newRoom);
            assertThat(a.status).isEqualTo(AssetStatus.UPLOADED);
            assertThat(a.storagePath).startsWith("session_" + newSession + "/room_" + newRoom + "/photos/1700000000000_");
        });
        assertThat(plan.assets().get(1).metadata).containsEntry("basedOnAssetId", newBefore.toString())
                .containsEntry("prompt", "p").doesNotContainKey("beforeAssetId"); // its asset is not in the backup
        assertThat(plan.comparisons().get(0).beforeAssetId).isEqualTo(newBefore);
        assertThat(plan.comparisons().get(0).afterAssetId).isEqualTo(newAfter);
        assertThat(plan.copies()).extracting(ObjectCopies.Copy::fromKey)
                .containsExactly("backups/x/" + before, "backups/x/" + after);
    }

    @Test
    void documentsKeepTheirLineageAndReportsPointAtTheRestoredImages() {
        UUID v1 = UUID.randomUUID();
        UUID v2 = UUID.randomUUID();
        String oldKey = "session_" + session + "/room_" + room + "/photos/1700000000000_a.jpg";
        RoomReport report = new RoomReport("n", new RoomReport.Room(room, "Kitchen", "kitchen"), List.of(
                new RoomReport.Image(before, "photo", null, null, 4, 3,
                        new RoomReport.StoredObject(oldKey, "image/jpeg", null, null),
                        new RoomReport.StoredObject("old/variant.jpg", "image/jpeg", 4, 3)),
                new RoomReport.Image(UUID.randomUUID(), "photo", null, null, 4, 3,
                        new RoomReport.StoredObject("gone.jpg", "image/jpeg", null, null), null)),
                List.of(new RoomReport.Comparison(pair, "t", null, before, after)),
                new RoomReport.Render("S", "optimized", "jpeg", 2, 1, NOW));
        var checklist = DocumentContents.toJson(new Checklist(List.of(new Checklist.Item("Tiles", true))));
        RestorePlan plan = RestorePlan.of(manifest(List.of(
                new BackupManifest.DocumentRow(v2, null, DocumentType.CHECKLIST, null, "c", 2, v1, null, checklist, NOW,
                        GeneratedBy.AI, "a checklist for tiling", "alice", "Back to the first list", 1),
                new BackupManifest.DocumentRow(v1, null, DocumentType.CHECKLIST, null, "c", 1, null, null, checklist, NOW,
                        null, null, null, null, null),
                new BackupManifest.DocumentRow(UUID.randomUUID(), room, DocumentType.ROOM_REPORT, null, "r", 1, null,
                        null, DocumentContents.toJson(report), NOW, GeneratedBy.SYSTEM, null, "alice", null, null),
                new BackupManifest.DocumentRow(UUID.randomUUID(), null, DocumentType.PLAN, null, "no content", 1,
                        null, null, null, NOW, null, null, null, null, null),
                new BackupManifest.DocumentRow(UUID.randomUUID(), null, DocumentType.PLAN, null, "expired", 1,
                        null, NOW.minusSeconds(1), checklistAsPlan(), NOW, null, null, null, null, null))), UUID.randomUUID(), NOW);

        assertThat(plan.documents()).extracting(d -> d.row().title).containsExactly("c", "r", "c");
        // who wrote it is kept; a manifest from before that was recorded reads as the platform's
        assertThat(plan.documents()).extracting(d -> d.row().generatedBy)
                .containsExactly(GeneratedBy.SYSTEM, GeneratedBy.SYSTEM, GeneratedBy.AI);
        assertThat(plan.documents().get(2).row().generationPrompt).isEqualTo("a checklist for tiling");
        // the history travels: who asked for each version, why, and which one a restore took back
        assertThat(plan.documents()).extracting(d -> d.row().author).containsExactly(null, "alice", "alice");
        assertThat(plan.documents().get(2).row().message).isEqualTo("Back to the first list");
        assertThat(plan.documents().get(2).row().restoredFromVersion).isEqualTo(1);
        assertThat(plan.documents().get(0).row().restoredFromVersion).isNull();
        var first = plan.documents().get(0).row();
        var second = plan.documents().get(2).row();
        assertThat(second.previousVersionId).isEqualTo(first.id);
        RoomReport restored = (RoomReport) plan.documents().get(1).content();
        assertThat(restored.room().id()).isEqualTo(plan.rooms().get(0).id);
        assertThat(restored.images()).hasSize(1);
        assertThat(restored.images().get(0).assetId()).isEqualTo(plan.assets().get(0).id);
        assertThat(restored.images().get(0).original().key()).isEqualTo(plan.assets().get(0).storagePath);
        assertThat(restored.images().get(0).variant()).isNull();
        assertThat(restored.comparisons().get(0).id()).isEqualTo(plan.comparisons().get(0).id);
        assertThat(restored.render().imageCount()).isEqualTo(1);
    }

    private static Map<String, Object> checklistAsPlan() {
        return Map.of("sections", List.of());
    }
}
