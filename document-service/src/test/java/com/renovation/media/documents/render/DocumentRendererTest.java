package com.renovation.media.documents.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.renovation.media.documents.PdfFacts;
import com.renovation.media.documents.TestImages;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DocumentRendererTest {

    private static final PdfFonts FONTS = new PdfFonts();
    private static final long LIMIT = 10_000_000;
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** The PDF of the last render. */
    private byte[] pdf;

    private RenderedDocument render(String type, ObjectNode content, Map<String, byte[]> images) {
        return render(type, content, new MapImages(images), LIMIT);
    }

    private RenderedDocument render(String type, ObjectNode content, MapImages images, long limit) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RenderedDocument document = new DocumentRenderer(FONTS, limit).render(new RenderRequest(type,
                "Título – ünïcode", "build", 2, content, Instant.parse("2026-01-02T03:04:05Z")), images, out);
        pdf = out.toByteArray();
        return document;
    }

    private static ObjectNode report(int photos) {
        ObjectNode content = JSON.objectNode();
        content.putObject("room").put("name", "Bath").put("roomType", "bathroom");
        ArrayNode images = content.putArray("images");
        for (int i = 0; i < photos; i++) {
            ObjectNode image = images.addObject().put("assetId", "p" + i).put("caption", "Caption " + i);
            image.putObject("original").put("key", i + ".jpg").put("contentType", "image/jpeg");
            image.putObject("variant").put("key", i + "_v.jpg").put("contentType", "image/jpeg");
        }
        content.putArray("comparisons");
        return content;
    }

    @Test
    void aLongChecklistRunsOverPagesEachNumberedWithTheTotal() {
        ObjectNode content = JSON.objectNode();
        ArrayNode items = content.putArray("items");
        for (int i = 0; i < 150; i++) {
            items.addObject().put("text", "Item number " + i).put("done", i % 3 == 0);
        }
        RenderedDocument document = render("checklist_pdf", content, Map.of());
        PdfFacts pdf = PdfFacts.of(this.pdf);

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

        PdfFacts pdf = PdfFacts.of(this.pdf);
        assertThat(pdf.pages()).isEqualTo(2);
        assertThat(pdf.images()).isEqualTo(2).isEqualTo(document.imageCount());
        assertThat(pdf.text()).contains("Caption a", "Caption b", "Before", "After", "Pair");
    }

    @Test
    void variantsAreReadAndOriginalsOnlyWhenTheirVariantIsMissing() {
        Map<String, byte[]> stored = new HashMap<>();
        stored.put("0_v.jpg", TestImages.jpeg(120, 90, 1));
        stored.put("0.jpg", TestImages.jpeg(1600, 1200, 2));
        stored.put("1.jpg", TestImages.jpeg(160, 120, 3)); // its variant was never made
        MapImages images = new MapImages(stored);

        RenderedDocument document = render("room_report_pdf", report(2), images, LIMIT);

        assertThat(images.asked).containsExactly("0_v.jpg", "1_v.jpg", "1.jpg");
        assertThat(document.imageCount()).isEqualTo(2);
        assertThat(PdfFacts.of(pdf).images()).isEqualTo(2);
    }

    @Test
    void aReportReachingItsSizeLimitShowsNoMoreImagesAndSaysSo() {
        Map<String, byte[]> stored = new HashMap<>();
        for (int i = 0; i < 5; i++) {
            stored.put(i + "_v.jpg", TestImages.jpeg(400, 300, i));
        }
        long limit = stored.get("0_v.jpg").length + stored.get("1_v.jpg").length + 10;

        RenderedDocument document = render("room_report_pdf", report(5), new MapImages(stored), limit);

        assertThat(document.imageCount()).isEqualTo(2);
        assertThat(document.omittedImages()).containsExactly("p2", "p3", "p4");
        assertThat(document.skippedImages()).isEmpty();
        PdfFacts facts = PdfFacts.of(pdf);
        assertThat(facts.images()).isEqualTo(2);
        assertThat(facts.text()).contains("Caption 0", "Caption 1", "3 more images are not shown",
                "size limit").doesNotContain("Caption 3");
    }

    @Test
    void contentThatCannotBeDrawnIsARenderFailure() {
        assertThatThrownBy(() -> render("checklist_pdf", JSON.objectNode(), Map.of()))
                .isInstanceOf(RenderFailure.class).hasMessageContaining("items");
        assertThatThrownBy(() -> render("poster_pdf", JSON.objectNode(), Map.of()))
                .isInstanceOf(RenderFailure.class);
    }
}
