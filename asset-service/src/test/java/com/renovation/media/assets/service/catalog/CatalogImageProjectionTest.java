package com.renovation.media.assets.service.catalog;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.renovation.media.contracts.events.payload.CatalogImagePublished;
import com.renovation.media.messaging.consumer.PermanentEventFailure;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CatalogImageProjectionTest {

    private static CatalogImagePublished event(String slug, String bucket,
            List<CatalogImagePublished.Variant> variants) {
        return new CatalogImagePublished(UUID.randomUUID(), 1, slug, "Oak bed", null, "image/jpeg", 960, 640, bucket,
                variants);
    }

    private static CatalogImagePublished withKey(String key) {
        return event("coastal", "styles", List.of(new CatalogImagePublished.Variant("thumbnail", "jpeg", key,
                "image/jpeg", 300, 200, 10L)));
    }

    @Test
    void theCatalogsVariantKeysAreAccepted() {
        assertThatCode(() -> CatalogImageProjection.check(withKey(
                "styles/coastal/variants/bedroom_thumbnail_300x200.jpg"))).doesNotThrowAnyException();
        // public before its first variant is ready
        assertThatCode(() -> CatalogImageProjection.check(event("coastal", "styles", List.of())))
                .doesNotThrowAnyException();
    }

    @Test
    void aKeyThisServiceMustNotSignIsRefused() {
        for (String key : new String[] {
                "styles/coastal/bedroom.jpg", // an original
                "styles/other/variants/bedroom_thumbnail_300x200.jpg", // another style's
                "styles/coastal/variants/../../../session_1/room_2/photos/a.jpg",
                "styles/coastal/variants/.hidden",
                "styles/coastal/variants/a.jpg?x-id=1",
                "session_1/room_2/photos/variants/a_thumbnail_300x200.jpg",
                "",
                null}) {
            assertThatThrownBy(() -> CatalogImageProjection.check(withKey(key))).as(key)
                    .isInstanceOf(PermanentEventFailure.class);
        }
    }

    @Test
    void anEventNoCatalogWouldSendIsRefused() {
        List<CatalogImagePublished> refused = List.of(
                event("coastal", "user-uploads", List.of()),
                event("../coastal", "styles", List.of()),
                event("Coastal", "styles", List.of()),
                event(null, "styles", List.of()),
                event("coastal", "styles", null),
                event("coastal", "styles", Collections.nCopies(CatalogImageProjection.MAX_VARIANTS + 1,
                        withKey("styles/coastal/variants/a.jpg").variants().get(0))),
                new CatalogImagePublished(UUID.randomUUID(), 0, "coastal", "t", null, "image/jpeg", 1, 1, "styles",
                        List.of()),
                new CatalogImagePublished(null, 1, "coastal", "t", null, "image/jpeg", 1, 1, "styles", List.of()),
                new CatalogImagePublished(UUID.randomUUID(), 1, "coastal", "t", null, "image/jpeg", 0, 1, "styles",
                        List.of()));
        for (CatalogImagePublished event : refused) {
            assertThatThrownBy(() -> CatalogImageProjection.check(event)).as(event.toString())
                    .isInstanceOf(PermanentEventFailure.class);
        }
    }
}
