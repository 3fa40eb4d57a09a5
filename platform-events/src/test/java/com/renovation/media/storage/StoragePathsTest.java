package com.renovation.media.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class StoragePathsTest {

    private static final UUID SESSION = UUID.fromString("11111111-1111-1111-1111-111111111111");
    private static final UUID ROOM = UUID.fromString("22222222-2222-2222-2222-222222222222");

    @Test
    void assetAndVariantKeysFollowTheLayout() {
        String key = StoragePaths.assetKey(SESSION, ROOM, "photo", 1234, "kitchen.jpg");
        assertThat(key).isEqualTo("session_" + SESSION + "/room_" + ROOM + "/photos/1234_kitchen.jpg");
        assertThat(StoragePaths.variantKey(key, "thumbnail", 300, 200, "WEBP"))
                .isEqualTo("session_" + SESSION + "/room_" + ROOM + "/photos/variants/1234_kitchen_thumbnail_300x200.webp");
        assertThat(StoragePaths.variantKey(key, "x", 1, 1, "jpg")).startsWith(StoragePaths.variantPrefix(key));
    }

    @Test
    void documentKeysLiveUnderTheSessionArtifacts() {
        assertThat(StoragePaths.documentKey(SESSION, "plan_pdf", 2, 99))
                .isEqualTo("session_" + SESSION + "/artifacts/plan_pdf_v2_99.pdf")
                .startsWith(StoragePaths.sessionPrefix(SESSION));
    }

    @Test
    void timestampsNeverRepeat() {
        long a = StoragePaths.uniqueTimestamp();
        long b = StoragePaths.uniqueTimestamp();
        assertThat(b).isGreaterThan(a);
    }
}
