package com.renovation.media.documents;

import static com.renovation.media.documents.TestDocuments.OWNER;
import static com.renovation.media.documents.TestDocuments.WAIT;
import static com.renovation.media.documents.TestDocuments.awaitProcessed;
import static com.renovation.media.documents.TestDocuments.checklist;
import static com.renovation.media.documents.TestDocuments.image;
import static com.renovation.media.documents.TestDocuments.outcome;
import static com.renovation.media.documents.TestDocuments.photos;
import static com.renovation.media.documents.TestDocuments.report;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.renovation.media.contracts.events.Topics;
import com.renovation.media.contracts.events.payload.DocumentRequested;
import com.renovation.media.contracts.events.payload.RoomDeleted;
import com.renovation.media.contracts.events.payload.SessionDeleted;
import com.renovation.media.storage.layout.Buckets;
import com.renovation.media.storage.layout.StoragePaths;
import com.renovation.media.storage.s3.ObjectStore;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Erasure (GDPR) against the real engines when it races what document-service is doing: a request arriving
 * after its session or room was erased, a render finishing while the erasure runs, and room deletion.
 */
@QuarkusTest
class ErasureIT {

    @Inject
    ObjectStore objects;

    @Test
    void aRequestArrivingAfterItsSessionWasErasedRecordsNothing() {
        UUID session = UUID.randomUUID();
        awaitProcessed(Engines.publish(new SessionDeleted(session, OWNER)));

        DocumentRequested late = checklist(session, null, "Too late");
        awaitProcessed(Engines.publish(late));

        await().during(Duration.ofSeconds(4)).atMost(WAIT).until(() -> Engines.column(late.documentId(), "id") == null
                && artifacts(session).isEmpty());
        assertThat(Engines.events(Topics.DOCUMENT_READY, late.documentId().toString())).isEmpty();
    }

    @Test
    void aRenderFinishingWhileItsSessionIsErasedLeavesNoPdfNorRow() throws Exception {
        UUID session = UUID.randomUUID();
        UUID document = UUID.randomUUID();
        String key = StoragePaths.documentKey(session, "checklist_pdf", 1, StoragePaths.uniqueTimestamp());
        // a row a renderer has claimed (its lease is running, so no other renderer takes it)
        Engines.execute("INSERT INTO documents.document_artifacts (id, session_id, owner_id, document_type, title,"
                + " content, storage_path, filename, template_version, status, attempts, lease_until)"
                + " VALUES (?, ?, ?, 'checklist_pdf', 'In flight', '{\"items\":[{\"text\":\"a\"}]}', ?, 'x.pdf', '1',"
                + " 'rendering', 1, now() + interval '5 minutes')", document, session, OWNER, key);
        try (Connection renderer = Engines.connect()) {
            renderer.setAutoCommit(false);
            try (PreparedStatement lock = renderer.prepareStatement(
                    "SELECT id FROM documents.document_artifacts WHERE id = ? FOR UPDATE")) {
                lock.setObject(1, document);
                lock.executeQuery().close();
            }
            Engines.publish(new SessionDeleted(session, OWNER));
            // the erasure reaches the row and waits for the renderer's transaction
            await().atMost(WAIT).until(() -> Engines.count("SELECT count(*) FROM pg_locks l"
                    + " JOIN pg_stat_activity a ON a.pid = l.pid WHERE NOT l.granted AND a.datname = current_database()")
                    > 0);
            // the renderer stores its PDF and marks the row ready, in the transaction holding the row
            objects.put(Buckets.USER_UPLOADS, key, "%PDF-1.4 in flight".getBytes(), "application/pdf")
                    .await().atMost(WAIT);
            try (PreparedStatement ready = renderer.prepareStatement(
                    "UPDATE documents.document_artifacts SET status = 'ready', lease_until = NULL WHERE id = ?")) {
                ready.setObject(1, document);
                ready.executeUpdate();
            }
            renderer.commit();
        }

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(Engines.column(document, "id")).isNull();
            assertThat(artifacts(session)).isEmpty();
        });
    }

    @Test
    void aPdfStoredForAnErasedSessionIsDeletedWithItsRow() throws Exception {
        UUID session = UUID.randomUUID();
        UUID document = UUID.randomUUID();
        String key = StoragePaths.documentKey(session, "checklist_pdf", 1, StoragePaths.uniqueTimestamp());
        // the session's erasure committed its mark while a request of it was being recorded: the row exists
        try (Connection c = Engines.connect()) {
            c.setAutoCommit(false);
            try (PreparedStatement erased = c.prepareStatement(
                    "INSERT INTO documents.erased_sessions (session_id) VALUES (?)");
                    PreparedStatement row = c.prepareStatement("INSERT INTO documents.document_artifacts (id,"
                            + " session_id, owner_id, document_type, title, content, storage_path, filename,"
                            + " template_version) VALUES (?, ?, ?, 'checklist_pdf', 'Orphan',"
                            + " '{\"items\":[{\"text\":\"a\"}]}', ?, 'x.pdf', '1')")) {
                erased.setObject(1, session);
                erased.executeUpdate();
                row.setObject(1, document);
                row.setObject(2, session);
                row.setObject(3, OWNER);
                row.setObject(4, key);
                row.executeUpdate();
            }
            c.commit();
        }

        await().atMost(WAIT).untilAsserted(() -> assertThat(Engines.column(document, "id")).isNull());
        await().during(Duration.ofSeconds(3)).atMost(WAIT).until(() -> artifacts(session).isEmpty());
        assertThat(Engines.events(Topics.DOCUMENT_READY, document.toString())).isEmpty();
    }

    @Test
    void deletingARoomErasesItsDocumentsAndNoOther() {
        UUID session = UUID.randomUUID();
        UUID kitchen = UUID.randomUUID();
        UUID bath = UUID.randomUUID();
        put(photos(session, kitchen) + "1_a.jpg", TestImages.jpeg(400, 300, 1));
        put(photos(session, bath) + "2_b.jpg", TestImages.jpeg(400, 300, 2));
        DocumentRequested kitchenReport = report(session, kitchen, "Kitchen",
                List.of(image("a", photos(session, kitchen) + "1_a.jpg", null, "Kitchen photo")));
        DocumentRequested kitchenChecklist = checklist(session, kitchen, "Kitchen list");
        DocumentRequested bathReport = report(session, bath, "Bath",
                List.of(image("b", photos(session, bath) + "2_b.jpg", null, "Bath photo")));
        DocumentRequested sessionChecklist = checklist(session, null, "Whole flat");
        List<DocumentRequested> all = List.of(kitchenReport, kitchenChecklist, bathReport, sessionChecklist);
        all.forEach(Engines::publish);
        List<String> keys = all.stream()
                .map(d -> outcome(d.documentId(), Topics.DOCUMENT_READY).get("storagePath").asText()).toList();

        Engines.publish(new RoomDeleted(kitchen, session, OWNER));

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(Engines.column(kitchenReport.documentId(), "id")).isNull();
            assertThat(Engines.column(kitchenChecklist.documentId(), "id")).isNull();
            assertThat(artifacts(session)).containsExactlyInAnyOrder(keys.get(2), keys.get(3));
        });
        assertThat(Engines.column(bathReport.documentId(), "status")).isEqualTo("ready");
        assertThat(Engines.column(sessionChecklist.documentId(), "status")).isEqualTo("ready");
    }

    @Test
    void aRequestArrivingAfterItsRoomWasDeletedRecordsNothing() {
        UUID session = UUID.randomUUID();
        UUID room = UUID.randomUUID();
        awaitProcessed(Engines.publish(new RoomDeleted(room, session, OWNER)));

        DocumentRequested late = checklist(session, room, "Too late");
        DocumentRequested otherRoom = checklist(session, UUID.randomUUID(), "Still fine");
        awaitProcessed(Engines.publish(late));
        Engines.publish(otherRoom);

        JsonNode ready = outcome(otherRoom.documentId(), Topics.DOCUMENT_READY);
        assertThat(Engines.column(late.documentId(), "id")).isNull();
        assertThat(artifacts(session)).containsExactly(ready.get("storagePath").asText());
    }

    private void put(String key, byte[] bytes) {
        objects.put(Buckets.USER_UPLOADS, key, bytes, "image/jpeg").await().atMost(WAIT);
    }

    private List<String> artifacts(UUID session) {
        return objects.list(Buckets.USER_UPLOADS, StoragePaths.sessionPrefix(session) + "artifacts/")
                .await().atMost(WAIT);
    }
}
