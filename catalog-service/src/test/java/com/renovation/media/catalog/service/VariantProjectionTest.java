package com.renovation.media.catalog.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.renovation.media.contracts.events.payload.SourceKind;
import com.renovation.media.contracts.events.payload.VariantReady;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class VariantProjectionTest {

    private static final String ORIGINAL = "styles/coastal/bedroom.jpg";

    private static VariantReady ready(String variantType, String key) {
        return new VariantReady(SourceKind.STYLE_IMAGE, UUID.randomUUID(), variantType, "jpeg", 300, 200, 10,
                "styles", key, "image/jpeg", 4);
    }

    @Test
    void theWorkersKeyForTheVariantIsAccepted() {
        assertThat(VariantProjection.isVariantKeyOf(ORIGINAL, ready("thumbnail",
                "styles/coastal/variants/bedroom_thumbnail_300x200.jpg"))).isTrue();
        assertThat(VariantProjection.isVariantKeyOf(ORIGINAL, ready("optimized",
                "styles/coastal/variants/bedroom_optimized_300x200.webp"))).isTrue();
    }

    @Test
    void anyOtherKeyIsRefused() {
        for (String key : new String[] {
                "styles/coastal/bedroom.jpg", // the original
                "styles/coastal/variants/kitchen_thumbnail_300x200.jpg", // a sibling image's
                "styles/other/variants/bedroom_thumbnail_300x200.jpg", // another style's
                "styles/coastal/variants/bedroom_thumbnail_640x480.jpg", // not the announced size
                "styles/coastal/variants/bedroom_optimized_300x200.jpg", // not the announced type
                "styles/coastal/variants/bedroom_thumbnail_300x200.jpg/../../../secret.jpg",
                "styles/coastal/variants/bedroom_thumbnail_300x200.jpg?x=1",
                "styles/coastal/variants/bedroom_thumbnail_300x200.",
                "session_1/room_2/photos/variants/bedroom_thumbnail_300x200.jpg"}) {
            assertThat(VariantProjection.isVariantKeyOf(ORIGINAL, ready("thumbnail", key))).as(key).isFalse();
        }
        assertThat(VariantProjection.isVariantKeyOf(ORIGINAL, ready("thumbnail", null))).isFalse();
        // a type that smuggles a path into the name
        assertThat(VariantProjection.isVariantKeyOf(ORIGINAL, ready("x/../../../other/y",
                "styles/coastal/variants/bedroom_x/../../../other/y_300x200.jpg"))).isFalse();
    }
}
