package com.renovation.media.storage.layout;

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

    @Test
    void keysFromEventsAreTrustedOnlyInsideTheirOwnersFolder() {
        String original = StoragePaths.assetKey(SESSION, ROOM, "photo", 1234, "kitchen.jpg");
        String variant = StoragePaths.variantKey(original, "thumbnail", 300, 200, "webp");
        assertThat(StoragePaths.isVariantOf(original, variant)).isTrue();
        assertThat(StoragePaths.isVariantOf(original, original)).as("the original itself").isFalse();
        assertThat(StoragePaths.isVariantOf(original, StoragePaths.variantPrefix(original) + "../../x.jpg")).isFalse();
        assertThat(StoragePaths.isVariantOf(original, StoragePaths.variantPrefix(original) + "a/b.jpg")).isFalse();
        assertThat(StoragePaths.isVariantOf(original, StoragePaths.variantPrefix(original) + ".hidden")).isFalse();
        assertThat(StoragePaths.isVariantOf(original, StoragePaths.variantPrefix(original))).isFalse();
        String otherRoom = StoragePaths.assetKey(SESSION, UUID.randomUUID(), "photo", 1234, "kitchen.jpg");
        assertThat(StoragePaths.isVariantOf(original, StoragePaths.variantKey(otherRoom, "t", 1, 1, "jpg"))).isFalse();
        assertThat(StoragePaths.isObjectIn(StoragePaths.documentPrefix(SESSION),
                StoragePaths.documentKey(SESSION, "plan_pdf", 1, 5))).isTrue();
        assertThat(StoragePaths.isObjectIn(StoragePaths.documentPrefix(SESSION),
                StoragePaths.documentKey(UUID.randomUUID(), "plan_pdf", 1, 5))).isFalse();
        assertThat(StoragePaths.isObjectIn("no-slash", "no-slashx")).isFalse();
    }

    @Test
    void uploadsLandInTheirRoomsIncomingFolder() {
        UUID asset = UUID.randomUUID();
        assertThat(StoragePaths.incomingKey(SESSION, ROOM, asset))
                .isEqualTo("session_" + SESSION + "/room_" + ROOM + "/incoming/" + asset)
                .startsWith(StoragePaths.roomPrefix(SESSION, ROOM));
    }

    @Test
    void everyVariantOfOneOriginalStartsWithItsNamePrefix() {
        String original = StoragePaths.assetKey(SESSION, ROOM, "photo", 1234, "kitchen.jpg");
        assertThat(StoragePaths.variantNamePrefix(original))
                .isEqualTo("session_" + SESSION + "/room_" + ROOM + "/photos/variants/1234_kitchen_");
        assertThat(StoragePaths.variantKey(original, "large", 2048, 1536, "jpg"))
                .startsWith(StoragePaths.variantNamePrefix(original));
        String sibling = StoragePaths.assetKey(SESSION, ROOM, "photo", 1234, "kitchen2.jpg");
        assertThat(StoragePaths.variantKey(sibling, "large", 2048, 1536, "jpg"))
                .doesNotStartWith(StoragePaths.variantNamePrefix(original));
        assertThat(StoragePaths.variantNamePrefix("styles/s/no-extension")).isEqualTo("styles/s/variants/no-extension_");
        assertThat(StoragePaths.isInVariantsFolder(StoragePaths.variantKey(original, "t", 1, 1, "jpg"))).isTrue();
        assertThat(StoragePaths.isInVariantsFolder(original)).isFalse();
        assertThat(StoragePaths.isInVariantsFolder(StoragePaths.roomPrefix(SESSION, ROOM) + "photos/myvariants/x"))
                .isFalse();
    }

    @Test
    void documentsLiveInTheSessionsArtifactsFolder() {
        assertThat(StoragePaths.documentPrefix(SESSION)).isEqualTo("session_" + SESSION + "/artifacts/");
        assertThat(StoragePaths.roomPrefix(SESSION, ROOM)).isEqualTo("session_" + SESSION + "/room_" + ROOM + "/");
    }

    @Test
    void styleImagesLiveUnderTheirStyleAndAreNamedWithoutTheSharedFolder() {
        String key = StoragePaths.styleImageKey("coastal", "kitchen.jpg");
        assertThat(key).isEqualTo("styles/coastal/kitchen.jpg").startsWith(StoragePaths.stylePrefix("coastal"));
        assertThat(key).doesNotStartWith(StoragePaths.stylePrefix("coast"));
        assertThat(StoragePaths.styleImageName(key)).isEqualTo("coastal/kitchen.jpg");
        assertThat(StoragePaths.styleImageName("elsewhere/kitchen.jpg")).isEqualTo("elsewhere/kitchen.jpg");
    }

    @Test
    void aStagedStyleImageUploadKeepsEverythingInItsOwnFolder() {
        UUID image = UUID.randomUUID();
        assertThat(StoragePaths.stagingFolder(image)).isEqualTo(image + "/");
        assertThat(StoragePaths.stagedUploadKey(image)).isEqualTo(image + "/upload");
        String checked = StoragePaths.newStagedCheckedKey(image);
        assertThat(checked).startsWith(image + "/checked-").isNotEqualTo(StoragePaths.newStagedCheckedKey(image));
        assertThat(StoragePaths.isObjectIn(StoragePaths.stagingFolder(image), checked)).isTrue();
    }
}
