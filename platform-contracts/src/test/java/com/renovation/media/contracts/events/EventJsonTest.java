package com.renovation.media.contracts.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.renovation.media.contracts.events.payload.SourceKind;
import com.renovation.media.contracts.events.payload.VariantReady;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventJsonTest {

    @Test
    void envelopeRoundTripsWithTypedData() {
        UUID source = UUID.randomUUID();
        VariantReady ready = new VariantReady(SourceKind.ROOM_ASSET, source, "thumbnail", "webp", 300, 200, 1234,
                "user-uploads", "k/variants/a.webp", "image/webp", 4);
        EventEnvelope envelope = EventEnvelope.wrap("variant-worker", ready);
        String json = EventJson.write(envelope);

        assertThat(json).contains("\"type\":\"variant.ready\"", "\"sourceKind\":\"room_asset\"",
                "\"subject\":\"" + source + "\"").doesNotContain("\"topic\"");
        Event<VariantReady> read = EventJson.read(json, VariantReady.class);
        assertThat(read.id()).isEqualTo(envelope.id());
        assertThat(read.data()).isEqualTo(ready);
        assertThat(read.time()).isEqualTo(envelope.time());
    }

    @Test
    void unknownFieldsAreTolerated() {
        String json = EventJson.write(EventEnvelope.wrap("x", new VariantReady(SourceKind.STYLE_IMAGE,
                UUID.randomUUID(), "optimized", "jpeg", 1, 1, 1, "b", "p", "image/jpeg", 1)));
        String withExtra = json.replace("\"format\"", "\"addedLater\":42,\"format\"");
        assertThat(EventJson.read(withExtra, VariantReady.class).data().format()).isEqualTo("jpeg");
    }

    @Test
    void garbageIsMalformed() {
        assertThatThrownBy(() -> EventJson.read("{not json")).isInstanceOf(MalformedEventException.class);
        assertThatThrownBy(() -> EventJson.read("{\"id\":\"" + UUID.randomUUID() + "\"}"))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("lacks");
        assertThatThrownBy(() -> EventJson.read("", VariantReady.class)).isInstanceOf(MalformedEventException.class);
        String wrongData = EventJson.write(EventEnvelope.wrap("x", new VariantReady(SourceKind.STYLE_IMAGE,
                UUID.randomUUID(), "o", "jpeg", 1, 1, 1, "b", "p", "c", 1))).replace("\"width\":1", "\"width\":\"wide\"");
        assertThatThrownBy(() -> EventJson.read(wrongData, VariantReady.class))
                .isInstanceOf(MalformedEventException.class);
    }
}
