package com.renovation.media.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.renovation.media.contracts.documents.DocumentType;
import com.renovation.media.documents.service.DocumentExpiry;
import com.renovation.media.contracts.events.EventJson;
import com.renovation.media.contracts.events.Topics;
import com.renovation.media.contracts.events.payload.DocumentRequested;
import com.renovation.media.contracts.events.payload.SessionDeleted;
import com.renovation.media.storage.layout.Buckets;
import com.renovation.media.storage.layout.StoragePaths;
import com.renovation.media.storage.s3.ObjectStore;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * document-service against the real engines: the test publishes document.requested as asset-service would,
 * then reads the stored PDF from S3 and the outcome event from Kafka.
 */
@QuarkusTest
class DocumentRenderingIT {

    private static final Duration WAIT = Duration.ofSeconds(40);

    @Inject
    ObjectStore objects;
    @Inject
    DocumentExpiry expiry;

    private static JsonNode json(String text) {
        try {
            return EventJson.MAPPER.readTree(text.replace('\'', '"'));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static DocumentRequested request(UUID session, UUID room, DocumentType type, String title,
            JsonNode content, String expiresAt) {
        return new DocumentRequested(UUID.randomUUID(), session, room, "user-1", type, "design", 1, null, title,
                TestDocuments.content(type, content), expiresAt, null, null, null);
    }

    /** Waits for the document's outcome event and answers its data. */
    private static JsonNode outcome(UUID documentId, String topic) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(WAIT).pollInterval(Duration.ofSeconds(1)).until(() -> {
            List<JsonNode> events = Engines.events(topic, documentId.toString());
            found[0] = events.isEmpty() ? null : events.get(0);
            return found[0] != null;
        });
        return found[0];
    }

    private PdfFacts stored(JsonNode ready) {
        byte[] pdf = objects.read(ready.get("bucket").asText(), ready.get("storagePath").asText())
                .await().atMost(Duration.ofSeconds(10));
        assertThat(ready.get("fileSize").asLong()).isEqualTo(pdf.length);
        assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
        return PdfFacts.of(pdf);
    }

    @Test
    void aChecklistIsRenderedStoredAndAnnounced() {
        UUID session = UUID.randomUUID();
        DocumentRequested request = request(session, null, DocumentType.CHECKLIST, "Kitchen checklist", json(
                "{'items':[{'text':'Order worktop','done':true},{'text':'Book electrician','done':false}]}"), null);
        Engines.publish(request);

        JsonNode ready = outcome(request.documentId(), Topics.DOCUMENT_READY);
        assertThat(ready.get("version").asInt()).isEqualTo(1);
        assertThat(ready.get("storagePath").asText())
                .startsWith(StoragePaths.sessionPrefix(session) + "artifacts/checklist_pdf_v1_").endsWith(".pdf");
        PdfFacts pdf = stored(ready);
        assertThat(pdf.pages()).isEqualTo(ready.get("pageCount").asInt()).isEqualTo(1);
        assertThat(pdf.text()).contains("Kitchen checklist", "Generated ", "Order worktop", "Book electrician",
                "1 of 2 done", "Page 1");
        assertThat(Engines.column(request.documentId(), "status")).isEqualTo("ready");
    }

    @Test
    void anEstimateShowsTheTotalsItWasGiven() {
        DocumentRequested request = request(UUID.randomUUID(), null, DocumentType.ESTIMATE, "Bathroom estimate", json(
                "{'currency':'EUR','taxRate':'0.2','lines':["
                        + "{'description':'Tiles','quantity':'12.5','unit':'m2','unitPrice':'40.00','lineTotal':'500.00'},"
                        + "{'description':'Labour','quantity':'3','unit':'day','unitPrice':'250.50','lineTotal':'751.50'}],"
                        + "'subtotal':'1251.50','tax':'250.30','total':'1501.80'}"), null);
        Engines.publish(request);

        PdfFacts pdf = stored(outcome(request.documentId(), Topics.DOCUMENT_READY));
        assertThat(pdf.text()).contains("Tiles", "Labour", "250.50", "Subtotal", "1251.50", "Tax (20 %)",
                "Total", "EUR 1501.80");
    }

    @Test
    void aPlanKeepsItsSectionsInOrder() {
        DocumentRequested request = request(UUID.randomUUID(), null, DocumentType.PLAN, "Renovation plan", json(
                "{'sections':[{'heading':'Demolition','text':'Strip the old kitchen.'},"
                        + "{'heading':'Plumbing','text':'Move the sink to the window.'}]}"), null);
        Engines.publish(request);

        String text = stored(outcome(request.documentId(), Topics.DOCUMENT_READY)).text();
        assertThat(text).contains("1. Demolition", "Strip the old kitchen.", "2. Plumbing");
        assertThat(text.indexOf("Demolition")).isLessThan(text.indexOf("Plumbing"));
    }

    @Test
    void aContractDraftIsRenderedAndStored() {
        DocumentRequested request = request(UUID.randomUUID(), null, DocumentType.CONTRACT_DRAFT, "Kitchen contract",
                json("{'parties':[{'role':'Client','name':'Ana Silva'},{'role':'Contractor','name':'Obras Lda'}],"
                        + "'scope':[{'description':'Fit the new worktop'}],"
                        + "'price':{'currency':'EUR','amount':'18500.00','paymentTerms':'On completion'},"
                        + "'terms':[{'heading':'Warranty','text':'Two years.'}]}"), null);
        Engines.publish(request);

        JsonNode ready = outcome(request.documentId(), Topics.DOCUMENT_READY);
        assertThat(ready.get("storagePath").asText()).contains("/artifacts/contract_draft_v1_");
        assertThat(stored(ready).text()).contains("Kitchen contract", "Ana Silva", "Obras Lda",
                "1.  Fit the new worktop", "EUR 18500.00", "Warranty", "Signatures");
        assertThat(Engines.column(request.documentId(), "status")).isEqualTo("ready");
    }

    @Test
    void aRoomReportShowsVariantsFallsBackToOriginalsAndSkipsDeletedImages() {
        UUID session = UUID.randomUUID();
        UUID room = UUID.randomUUID();
        String base = StoragePaths.sessionPrefix(session) + "room_" + room + "/photos/";
        put(base + "1_a.jpg", TestImages.jpeg(1600, 1200, 1));
        put(base + "variants/1_a_optimized_1200x900.jpg", TestImages.jpeg(1200, 900, 2));
        put(base + "2_b.png", TestImages.png(800, 600, 3)); // its variant was never made
        put(base + "4_d.jpg", TestImages.jpeg(640, 480, 4));
        put(base + "variants/4_d_optimized_640x480.jpg", "not an image".getBytes()); // unreadable variant
        // 3_c.jpg is not stored: the asset was deleted after the snapshot
        ObjectNode content = (ObjectNode) json("{'room':{'id':'" + room + "','name':'Kitchen','roomType':'kitchen'},"
                + "'images':["
                + image("a", base + "1_a.jpg", base + "variants/1_a_optimized_1200x900.jpg", "Before the works")
                + "," + image("b", base + "2_b.png", null, "After the works")
                + "," + image("c", base + "3_c.jpg", null, "Deleted")
                + "," + image("d", base + "4_d.jpg", base + "variants/4_d_optimized_640x480.jpg", "Detail")
                + "],'comparisons':[{'id':'" + UUID.randomUUID() + "','title':'Whole kitchen','beforeAssetId':'"
                + TestDocuments.asset("a") + "','afterAssetId':'" + TestDocuments.asset("b") + "'}],"
                + "'render':{'variantType':'optimized','format':'jpeg'}}");
        DocumentRequested request = request(session, room, DocumentType.ROOM_REPORT, "Kitchen report", content, null);
        Engines.publish(request);

        JsonNode ready = outcome(request.documentId(), Topics.DOCUMENT_READY);
        PdfFacts pdf = stored(ready);
        // three photos, two per page, then the before/after page
        assertThat(pdf.pages()).isEqualTo(3).isEqualTo(ready.get("pageCount").asInt());
        assertThat(pdf.images()).isEqualTo(3);
        assertThat(pdf.text()).contains("Kitchen report", "Before the works", "After the works", "Detail",
                "Before and after", "Whole kitchen", "Page 3").doesNotContain("Deleted");
        assertThat(Engines.column(request.documentId(), "metadata")).contains("\"skippedImages\": [\"" + TestDocuments.asset("c") + "\"]");
    }

    @Test
    void aCorruptImageFailsTheDocumentWithTheReason() {
        UUID session = UUID.randomUUID();
        UUID room = UUID.randomUUID();
        String key = StoragePaths.sessionPrefix(session) + "room_" + room + "/photos/1_broken.jpg";
        put(key, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0x00, 0x13, 0x37});
        DocumentRequested request = request(session, room, DocumentType.ROOM_REPORT, "Broken report",
                json("{'room':{'name':'Hall','roomType':'hall'},'images':[" + image("z", key, null, "x")
                        + "],'comparisons':[]}"), null);
        Engines.publish(request);

        JsonNode failed = outcome(request.documentId(), Topics.DOCUMENT_FAILED);
        assertThat(failed.get("error").asText()).contains("asset " + TestDocuments.asset("z"), "corrupt");
        assertThat(Engines.column(request.documentId(), "status")).isEqualTo("failed");
        assertThat(list(StoragePaths.sessionPrefix(session) + "artifacts/")).isEmpty();
    }

    @Test
    void aRedeliveredOrRepeatedRequestMakesOneObjectAndOneEvent() {
        UUID session = UUID.randomUUID();
        DocumentRequested request = request(session, null, DocumentType.CHECKLIST, "Twice",
                json("{'items':[{'text':'Only once','done':false}]}"), null);
        String envelope = Engines.publish(request);
        Engines.publishRaw(Topics.DOCUMENT_REQUESTED, request.subject(), envelope); // the same event again
        Engines.publish(request); // the same document under a new event id

        outcome(request.documentId(), Topics.DOCUMENT_READY);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() ->
                list(StoragePaths.sessionPrefix(session) + "artifacts/").size() == 1);
        assertThat(Engines.events(Topics.DOCUMENT_READY, request.documentId().toString())).hasSize(1);
    }

    @Test
    void anExpiredDocumentIsRemovedObjectAndRow() {
        UUID session = UUID.randomUUID();
        DocumentRequested request = request(session, null, DocumentType.CHECKLIST, "Short-lived",
                json("{'items':[{'text':'Soon gone','done':false}]}"), Instant.now().plusSeconds(12).toString());
        Engines.publish(request);
        JsonNode ready = outcome(request.documentId(), Topics.DOCUMENT_READY);
        assertThat(expire()).isGreaterThanOrEqualTo(0);
        assertThat(Engines.column(request.documentId(), "status")).isEqualTo("ready"); // not yet expired

        await().atMost(WAIT).pollInterval(Duration.ofSeconds(1)).until(() -> {
            expire();
            return Engines.column(request.documentId(), "id") == null;
        });
        assertThat(objects.head(Buckets.USER_UPLOADS, ready.get("storagePath").asText())
                .await().atMost(WAIT)).isEmpty();
    }

    @Test
    void aDeletedSessionsDocumentsAreErased() {
        UUID session = UUID.randomUUID();
        DocumentRequested first = request(session, null, DocumentType.CHECKLIST, "One",
                json("{'items':[{'text':'a','done':false}]}"), null);
        DocumentRequested second = request(session, null, DocumentType.PLAN, "Two",
                json("{'sections':[{'heading':'h','text':'t'}]}"), null);
        Engines.publish(first);
        Engines.publish(second);
        outcome(first.documentId(), Topics.DOCUMENT_READY);
        outcome(second.documentId(), Topics.DOCUMENT_READY);
        String prefix = StoragePaths.sessionPrefix(session) + "artifacts/";
        assertThat(list(prefix)).hasSize(2);

        Engines.publish(new SessionDeleted(session, "user-1"));
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(list(prefix)).isEmpty();
            assertThat(Engines.column(first.documentId(), "id")).isNull();
            assertThat(Engines.column(second.documentId(), "id")).isNull();
        });
    }

    private static String image(String assetName, String original, String variant, String caption) {
        return "{'assetId':'" + TestDocuments.asset(assetName) + "','assetType':'photo','caption':'" + caption + "','altText':'" + caption
                + "','original':{'key':'" + original + "','contentType':'image/jpeg'}"
                + (variant == null ? ",'variant':null" : ",'variant':{'key':'" + variant + "','contentType':'image/jpeg'}")
                + "}";
    }

    private int expire() {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> expiry.run());
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private void put(String key, byte[] bytes) {
        objects.put(Buckets.USER_UPLOADS, key, bytes, "application/octet-stream").await().atMost(WAIT);
    }

    private List<String> list(String prefix) {
        return objects.list(Buckets.USER_UPLOADS, prefix).await().atMost(WAIT);
    }
}
