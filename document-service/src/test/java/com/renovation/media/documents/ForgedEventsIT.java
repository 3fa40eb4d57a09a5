package com.renovation.media.documents;

import static com.renovation.media.documents.TestDocuments.OWNER;
import static com.renovation.media.documents.TestDocuments.WAIT;
import static com.renovation.media.documents.TestDocuments.checklist;
import static com.renovation.media.documents.TestDocuments.image;
import static com.renovation.media.documents.TestDocuments.outcome;
import static com.renovation.media.documents.TestDocuments.photos;
import static com.renovation.media.documents.TestDocuments.report;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.renovation.media.contracts.events.EventEnvelope;
import com.renovation.media.contracts.events.EventJson;
import com.renovation.media.contracts.events.Topics;
import com.renovation.media.contracts.events.payload.DocumentRequested;
import com.renovation.media.contracts.events.payload.RoomDeleted;
import com.renovation.media.contracts.events.payload.SessionDeleted;
import com.renovation.media.storage.layout.Buckets;
import com.renovation.media.storage.s3.ObjectStore;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Events an attacker with write access to a topic could forge: document-service refuses (dead-letters) what
 * is inconsistent, and what it accepts can only touch the objects of the session or room it names.
 */
@QuarkusTest
class ForgedEventsIT {

    @Inject
    ObjectStore objects;

    @Test
    void aSessionDeletedNamingAnotherOwnerIsDeadLetteredAndErasesNothing() {
        UUID session = UUID.randomUUID();
        DocumentRequested document = checklist(session, null, "Keep me");
        Engines.publish(document);
        String key = outcome(document.documentId(), Topics.DOCUMENT_READY).get("storagePath").asText();

        Engines.publish(new SessionDeleted(session, "mallory"));

        await().atMost(WAIT).until(() -> Engines.deadLettered(Topics.SESSION_DELETED, session.toString()) == 1);
        assertThat(Engines.column(document.documentId(), "status")).isEqualTo("ready");
        assertThat(exists(key)).isTrue();
    }

    @Test
    void aSessionDeletedWhoseSubjectIsAnotherSessionIsDeadLettered() {
        UUID session = UUID.randomUUID();
        DocumentRequested document = checklist(session, null, "Keep me too");
        Engines.publish(document);
        String key = outcome(document.documentId(), Topics.DOCUMENT_READY).get("storagePath").asText();
        UUID other = UUID.randomUUID();

        EventEnvelope forged = new EventEnvelope(UUID.randomUUID(), Topics.SESSION_DELETED, "asset-service",
                Instant.now(), other.toString(), EventJson.MAPPER.valueToTree(new SessionDeleted(session, OWNER)));
        Engines.publishRaw(Topics.SESSION_DELETED, other.toString(), EventJson.write(forged));

        await().atMost(WAIT).until(() -> Engines.deadLettered(Topics.SESSION_DELETED, other.toString()) == 1);
        assertThat(Engines.column(document.documentId(), "status")).isEqualTo("ready");
        assertThat(exists(key)).isTrue();
    }

    @Test
    void aRoomDeletedNamingAnotherSessionIsDeadLetteredAndErasesNothing() {
        UUID session = UUID.randomUUID();
        UUID room = UUID.randomUUID();
        DocumentRequested document = checklist(session, room, "Room list");
        Engines.publish(document);
        String key = outcome(document.documentId(), Topics.DOCUMENT_READY).get("storagePath").asText();

        Engines.publish(new RoomDeleted(room, UUID.randomUUID(), OWNER));

        await().atMost(WAIT).until(() -> Engines.deadLettered(Topics.ROOM_DELETED, room.toString()) == 1);
        assertThat(Engines.column(document.documentId(), "status")).isEqualTo("ready");
        assertThat(exists(key)).isTrue();
    }

    @Test
    void aReportNamingAnotherSessionsPhotoIsDeadLetteredAndReadsNothing() {
        UUID victim = UUID.randomUUID();
        String victimsPhoto = photos(victim, UUID.randomUUID()) + "1_private.jpg";
        put(victimsPhoto, TestImages.jpeg(320, 240, 7));
        UUID session = UUID.randomUUID();
        UUID room = UUID.randomUUID();

        DocumentRequested forged = report(session, room, "Stolen",
                List.of(image("x", victimsPhoto, null, "Not mine")));
        Engines.publish(forged);

        await().atMost(WAIT).until(() -> Engines.deadLettered(Topics.DOCUMENT_REQUESTED,
                forged.documentId().toString()) == 1);
        assertThat(Engines.column(forged.documentId(), "id")).isNull();
        assertThat(Engines.events(Topics.DOCUMENT_READY, forged.documentId().toString())).isEmpty();
    }

    @Test
    void aReportWhoseKeysClimbOutOfItsRoomIsDeadLettered() {
        UUID victim = UUID.randomUUID();
        UUID session = UUID.randomUUID();
        UUID room = UUID.randomUUID();
        String victimsPhoto = photos(victim, UUID.randomUUID()) + "1_private.jpg";
        put(victimsPhoto, TestImages.jpeg(320, 240, 8));
        String climbing = photos(session, room) + "../../../" + victimsPhoto;
        String otherRoom = photos(session, UUID.randomUUID()) + "1_elsewhere.jpg";

        DocumentRequested viaDots = report(session, room, "Climb", List.of(image("x", climbing, null, "x")));
        DocumentRequested viaVariant = report(session, room, "Other room",
                List.of(image("y", photos(session, room) + "1_y.jpg", otherRoom, "y")));
        Engines.publish(viaDots);
        Engines.publish(viaVariant);

        for (DocumentRequested forged : List.of(viaDots, viaVariant)) {
            await().atMost(WAIT).until(() -> Engines.deadLettered(Topics.DOCUMENT_REQUESTED,
                    forged.documentId().toString()) == 1);
            assertThat(Engines.column(forged.documentId(), "id")).isNull();
        }
    }

    private void put(String key, byte[] bytes) {
        objects.put(Buckets.USER_UPLOADS, key, bytes, "image/jpeg").await().atMost(WAIT);
    }

    private boolean exists(String key) {
        return objects.head(Buckets.USER_UPLOADS, key).await().atMost(WAIT).isPresent();
    }
}
