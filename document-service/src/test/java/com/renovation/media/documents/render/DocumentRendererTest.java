package com.renovation.media.documents.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.renovation.media.documents.PdfFacts;
import com.renovation.media.documents.TestImages;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DocumentRendererTest {

    private static final PdfFonts FONTS = new PdfFonts();
    private final DocumentRenderer renderer = new DocumentRenderer(FONTS);
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private RenderedDocument render(String type, ObjectNode content, Map<String, byte[]> images) {
        return renderer.render(new RenderRequest(type, "Título – ünïcode", "build", 2, content,
                Instant.parse("2026-01-02T03:04:05Z")), images);
    }

    @Test
    void aLongChecklistRunsOverPagesEachNumberedWithTheTotal() {
        ObjectNode content = JSON.objectNode();
        ArrayNode items = content.putArray("items");
        for (int i = 0; i < 150; i++) {
            items.addObject().put("text", "Item number " + i).put("done", i % 3 == 0);
        }
        RenderedDocument document = render("checklist_pdf", content, Map.of());
        PdfFacts pdf = PdfFacts.of(document.pdf());

        assertThat(pdf.pages()).isEqualTo(document.pageCount()).isGreaterThan(2);
        assertThat(pdf.text()).contains("Título – ünïcode", "Generated 2026-01-02 03:04 UTC", "version 2",
                "Item number 0", "Item number 149", "50 of 150 done", "Page 1 of", "Page " + pdf.pages() + " of");
    }

    @Test
    void aReportFallsBackToTheOriginalAndEmbedsEachImageOnce() {
        ObjectNode content = JSON.objectNode();
        content.putObject("room").put("name", "Bath").put("roomType", "bathroom");
        ArrayNode images = content.putArray("images");
        for (String id : new String[] {"a", "b"}) {
            ObjectNode image = images.addObject().put("assetId", id).put("caption", "Caption " + id);
            image.putObject("original").put("key", id + ".jpg").put("contentType", "image/jpeg");
            image.putObject("variant").put("key", id + "_v.jpg").put("contentType", "image/jpeg");
        }
        content.putArray("comparisons").addObject().put("beforeAssetId", "a").put("afterAssetId", "b")
                .put("title", "Pair");
        RenderedDocument document = render("room_report_pdf", content, Map.of(
                "a_v.jpg", TestImages.jpeg(300, 200, 1),
                "b_v.jpg", "broken".getBytes(), "b.jpg", TestImages.jpeg(200, 300, 2)));

        PdfFacts pdf = PdfFacts.of(document.pdf());
        assertThat(pdf.pages()).isEqualTo(2);
        assertThat(pdf.images()).isEqualTo(2).isEqualTo(document.imageCount());
        assertThat(pdf.text()).contains("Caption a", "Caption b", "Before", "After", "Pair");
    }

    @Test
    void contentThatCannotBeDrawnIsARenderFailure() {
        assertThatThrownBy(() -> render("checklist_pdf", JSON.objectNode(), Map.of()))
                .isInstanceOf(RenderFailure.class).hasMessageContaining("items");
        assertThatThrownBy(() -> render("poster_pdf", JSON.objectNode(), Map.of()))
                .isInstanceOf(RenderFailure.class);
    }
}
