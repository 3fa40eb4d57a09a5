package com.renovation.media.documents.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.renovation.media.contracts.documents.DocumentType;
import com.renovation.media.contracts.documents.RoomReport;
import com.renovation.media.contracts.events.Event;
import com.renovation.media.contracts.events.Topics;
import com.renovation.media.contracts.events.payload.DocumentRequested;
import com.renovation.media.messaging.consumer.PermanentEventFailure;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DocumentRequestCheckTest {

    private static final UUID SESSION = UUID.fromString("11111111-1111-1111-1111-111111111111");
    private static final UUID ROOM = UUID.fromString("22222222-2222-2222-2222-222222222222");
    private static final String ROOM_FOLDER = "session_" + SESSION + "/room_" + ROOM + "/";

    @Test
    void keysAsAssetServiceMakesThemAreWithinTheRoom() {
        assertThat(DocumentRequestCheck.imageKeyWithin(SESSION, ROOM, ROOM_FOLDER + "photos/1700000000000_a.jpg"))
                .isTrue();
        assertThat(DocumentRequestCheck.imageKeyWithin(SESSION, ROOM,
                ROOM_FOLDER + "photos/variants/1700000000000_a_optimized_1200x900.jpg")).isTrue();
    }

    @Test
    void keysOutsideTheRoomOrClimbingOutOfItAreNot() {
        UUID other = UUID.randomUUID();
        for (String key : new String[] {
                "session_" + other + "/room_" + ROOM + "/photos/1_a.jpg",
                "session_" + SESSION + "/room_" + other + "/photos/1_a.jpg",
                "session_" + SESSION + "/artifacts/checklist_pdf_v1_1.pdf",
                ROOM_FOLDER + "../room_" + other + "/photos/1_a.jpg",
                ROOM_FOLDER + "photos/./1_a.jpg",
                ROOM_FOLDER + "photos//1_a.jpg",
                ROOM_FOLDER + "photos/.hidden",
                ROOM_FOLDER + "photos\\..\\1_a.jpg",
                ROOM_FOLDER + "photos/1_a.jpg\n",
                ROOM_FOLDER,
                "/" + ROOM_FOLDER + "photos/1_a.jpg"}) {
            assertThat(DocumentRequestCheck.imageKeyWithin(SESSION, ROOM, key)).as(key).isFalse();
        }
    }

    private static Event<DocumentRequested> report(UUID room, String originalKey, String variantKey) {
        UUID document = UUID.randomUUID();
        RoomReport content = new RoomReport(null, null, List.of(new RoomReport.Image(UUID.randomUUID(), "photo",
                null, null, null, null, new RoomReport.StoredObject(originalKey, "image/jpeg", null, null),
                variantKey == null ? null : new RoomReport.StoredObject(variantKey, "image/jpeg", 1, 1))),
                List.of(), null);
        return new Event<>(UUID.randomUUID(), Topics.DOCUMENT_REQUESTED, "asset-service", Instant.now(),
                document.toString(), new DocumentRequested(document, SESSION, room, "user-1",
                        DocumentType.ROOM_REPORT, null, 1, null, "Report", content, null, null, null, null));
    }

    @Test
    void aReportNamingOnlyObjectsOfItsRoomPasses() {
        assertThatCode(() -> DocumentRequestCheck.check(report(ROOM, ROOM_FOLDER + "photos/1_a.jpg",
                ROOM_FOLDER + "photos/variants/1_a_optimized.jpg"))).doesNotThrowAnyException();
    }

    @Test
    void aReportNamingAnObjectElsewhereOrNoRoomIsRefused() {
        String elsewhere = "session_" + SESSION + "/room_" + UUID.randomUUID() + "/photos/1_a.jpg";
        assertThatThrownBy(() -> DocumentRequestCheck.check(report(ROOM, ROOM_FOLDER + "photos/1_a.jpg", elsewhere)))
                .isInstanceOf(PermanentEventFailure.class).hasMessageContaining(elsewhere);
        assertThatThrownBy(() -> DocumentRequestCheck.check(report(ROOM, elsewhere, null)))
                .isInstanceOf(PermanentEventFailure.class);
        assertThatThrownBy(() -> DocumentRequestCheck.check(report(null, ROOM_FOLDER + "photos/1_a.jpg", null)))
                .isInstanceOf(PermanentEventFailure.class).hasMessageContaining("no room");
    }
}
