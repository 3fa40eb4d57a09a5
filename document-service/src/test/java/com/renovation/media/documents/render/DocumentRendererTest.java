package com.renovation.media.documents.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.renovation.media.contracts.documents.Checklist;
import com.renovation.media.contracts.documents.ContractDraft;
import com.renovation.media.contracts.documents.DocumentContent;
import com.renovation.media.contracts.documents.DocumentType;
import com.renovation.media.contracts.documents.Estimate;
import com.renovation.media.contracts.documents.RoomReport;
import com.renovation.media.documents.PdfFacts;
import com.renovation.media.documents.TestImages;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DocumentRendererTest {

    private static final PdfFonts FONTS = new PdfFonts();
    private static final long LIMIT = 10_000_000;

    /** The PDF of the last render. */
    private byte[] pdf;

    private RenderedDocument render(DocumentContent content, Map<String, byte[]> images) {
        return render(content, new MapImages(images), LIMIT);
    }

    private RenderedDocument render(DocumentContent content, MapImages images, long limit) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RenderedDocument document = new DocumentRenderer(FONTS, limit).render(new RenderRequest(content.type(),
                "Título – ünïcode", "build", 2, content, Instant.parse("2026-01-02T03:04:05Z")), images, out);
        pdf = out.toByteArray();
        return document;
    }

    private static UUID asset(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }

    /** A photo whose original is {@code name.jpg} and whose variant is {@code name_v.jpg}. */
    private static RoomReport.Image photo(String name, String caption) {
        return new RoomReport.Image(asset(name), "photo", caption, null, null, null,
                new RoomReport.StoredObject(name + ".jpg", "image/jpeg", null, null),
                new RoomReport.StoredObject(name + "_v.jpg", "image/jpeg", null, null));
    }

    private static RoomReport report(List<RoomReport.Image> images, List<RoomReport.Comparison> comparisons) {
        return new RoomReport(null, new RoomReport.Room(null, "Bath", "bathroom"), images, comparisons, null);
    }

    private static RoomReport report(int photos) {
        List<RoomReport.Image> images = new ArrayList<>();
        for (int i = 0; i < photos; i++) {
            images.add(photo(String.valueOf(i), "Caption " + i));
        }
        return report(images, List.of());
    }

    @Test
    void aLongChecklistRunsOverPagesEachNumberedWithTheTotal() {
        Checklist content = new Checklist(IntStream.range(0, 150)
                .mapToObj(i -> new Checklist.Item("Item number " + i, i % 3 == 0)).toList());
        RenderedDocument document = render(content, Map.of());
        PdfFacts pdf = PdfFacts.of(this.pdf);

        assertThat(pdf.pages()).isEqualTo(document.pageCount()).isGreaterThan(2);
        assertThat(pdf.text()).contains("Título – ünïcode", "Generated 2026-01-02 03:04 UTC", "version 2",
                "Item number 0", "Item number 149", "50 of 150 done", "Page 1 of", "Page " + pdf.pages() + " of");
    }

    @Test
    void anEstimateShowsItsAmountsAsMoney() {
        Estimate content = new Estimate("EUR", new BigDecimal("0.2"), List.of(new Estimate.Line("Tiles",
                new BigDecimal("1000"), "m2", new BigDecimal("0.1"), "EUR", new BigDecimal("100.00"))),
                new BigDecimal("100.00"), new BigDecimal("20.00"), new BigDecimal("120.00"));
        render(content, Map.of());

        assertThat(PdfFacts.of(pdf).text()).contains("Tiles", "1000", "0.10", "Tax (20 %)", "EUR 120.00");
    }

    @Test
    void aContractDraftLaysOutPartiesScopePriceTermsAndASignatureBlockPerParty() {
        ContractDraft content = new ContractDraft(
                List.of(new ContractDraft.Party("Client", "Ana Silva", "Rua Nova 1, Lisboa"),
                        new ContractDraft.Party("Contractor", "Obras Lda", null),
                        new ContractDraft.Party("Architect", "Rui Costa", null)),
                List.of(new ContractDraft.ScopeItem("Demolish the old kitchen"),
                        new ContractDraft.ScopeItem("Fit the new worktop")),
                new ContractDraft.Price("EUR", new BigDecimal("18500"), "30 % at signature, the rest on completion"),
                List.of(new ContractDraft.Term("Warranty", "Two years on all works.")));
        RenderedDocument document = render(content, Map.of());

        String text = PdfFacts.of(pdf).text();
        assertThat(document.pageCount()).isEqualTo(1);
        assertThat(text).contains("Draft for review", "Parties", "Client:", "Ana Silva", "Rua Nova 1, Lisboa",
                "Contractor:", "Obras Lda", "1.  Demolish the old kitchen", "2.  Fit the new worktop",
                "Total price:  EUR 18500.00", "30 % at signature", "1. Warranty", "Two years on all works.",
                "Signatures", "Ana Silva (Client), date", "Obras Lda (Contractor), date", "Rui Costa (Architect)");
        assertThat(text.indexOf("Parties")).isLessThan(text.indexOf("Scope of works"));
        assertThat(text.indexOf("Scope of works")).isLessThan(text.indexOf("Price"));
        assertThat(text.indexOf("Terms")).isLessThan(text.indexOf("Signatures"));
    }

    @Test
    void aReportFallsBackToTheOriginalAndEmbedsEachImageOnce() {
        RoomReport content = report(List.of(photo("a", "Caption a"), photo("b", "Caption b")),
                List.of(new RoomReport.Comparison(null, "Pair", null, asset("a"), asset("b"))));
        RenderedDocument document = render(content, Map.of(
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

        RenderedDocument document = render(report(2), images, LIMIT);

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

        RenderedDocument document = render(report(5), new MapImages(stored), limit);

        assertThat(document.imageCount()).isEqualTo(2);
        assertThat(document.omittedImages()).containsExactly(asset("2"), asset("3"), asset("4"));
        assertThat(document.skippedImages()).isEmpty();
        PdfFacts facts = PdfFacts.of(pdf);
        assertThat(facts.images()).isEqualTo(2);
        assertThat(facts.text()).contains("Caption 0", "Caption 1", "3 more images are not shown",
                "size limit").doesNotContain("Caption 3");
    }

    @Test
    void contentThatCannotBeDrawnIsARenderFailure() {
        assertThatThrownBy(() -> render(new Checklist(null), Map.of()))
                .isInstanceOf(RenderFailure.class).hasMessageContaining("items");
        assertThatThrownBy(() -> render(new Checklist(List.of(new Checklist.Item(" ", true))), Map.of()))
                .isInstanceOf(RenderFailure.class).hasMessageContaining("text");
        assertThatThrownBy(() -> new RenderRequest(DocumentType.PLAN, "t", null, 1, new Checklist(List.of()),
                Instant.now())).isInstanceOf(RenderFailure.class);
    }
}
