package com.renovation.media.documents.service;

import static org.assertj.core.api.Assertions.assertThat;

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
}
