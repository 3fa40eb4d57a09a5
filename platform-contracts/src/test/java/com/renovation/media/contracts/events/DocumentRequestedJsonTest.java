package com.renovation.media.contracts.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.renovation.media.contracts.documents.Checklist;
import com.renovation.media.contracts.documents.DocumentType;
import com.renovation.media.contracts.documents.Estimate;
import com.renovation.media.contracts.documents.Plan;
import com.renovation.media.contracts.documents.RoomReport;
import com.renovation.media.contracts.events.payload.DocumentRequested;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * document.requested as asset-service has always written it — {@code content} beside its {@code documentType},
 * money as strings — is read into the typed content, and written back field for field the same, so events
 * already in Kafka or in an outbox are read by the new code and the new events by code that read the old.
 */
class DocumentRequestedJsonTest {

    private static final String DOCUMENT = "5b0c1d9e-4a8f-4d0e-9a51-1f4b1c7d2e01";
    private static final String SESSION = "6c1d2eaf-5b90-4e1f-8b62-2a5c2d8e3f02";
    private static final String ROOM = "7d2e3fb0-6ca1-4f20-9c73-3b6d3e9f4a03";
    private static final String ASSET_A = "8e3f40c1-7db2-4031-8d84-4c7e4fa05b04";
    private static final String ASSET_B = "9f4051d2-8ec3-4142-9e95-5d8f50b16c05";

    /** The data of a document.requested as the previous, untyped code wrote it. */
    private static String written(String type, String roomId, String content) {
        return ("{'documentId':'" + DOCUMENT + "','sessionId':'" + SESSION + "','roomId':" + roomId
                + ",'ownerId':'user-1','documentType':'" + type + "','phase':'design','version':2,"
                + "'previousVersionId':null,'title':'T','content':" + content + ",'expiresAt':null}")
                .replace('\'', '"');
    }

    private static JsonNode tree(String json) throws Exception {
        return EventJson.MAPPER.readTree(json);
    }

    private static DocumentRequested read(String json) throws Exception {
        return EventJson.MAPPER.readValue(json, DocumentRequested.class);
    }

    /** Reads the old JSON and answers the request, after checking it writes back as the same tree. */
    private static DocumentRequested roundTrip(String json) throws Exception {
        DocumentRequested request = read(json);
        assertThat((JsonNode) EventJson.MAPPER.valueToTree(request)).isEqualTo(tree(json));
        return request;
    }

    @Test
    void aChecklistAndAPlanAreReadAsTheirRecords() throws Exception {
        DocumentRequested checklist = roundTrip(written("checklist_pdf", "null",
                "{'items':[{'text':'Tiles','done':true},{'text':'Grout','done':false}]}"));
        assertThat(checklist.documentType()).isEqualTo(DocumentType.CHECKLIST);
        assertThat(checklist.content()).isEqualTo(new Checklist(List.of(new Checklist.Item("Tiles", true),
                new Checklist.Item("Grout", false))));

        DocumentRequested plan = roundTrip(written("plan_pdf", "null",
                "{'sections':[{'heading':'Demolition','text':''}]}"));
        assertThat(plan.content()).isEqualTo(new Plan(List.of(new Plan.Section("Demolition", ""))));
    }

    @Test
    void anEstimateKeepsItsAmountsExactAndWritesThemAsPlainStrings() throws Exception {
        DocumentRequested request = roundTrip(written("estimate_pdf", "null", "{'currency':'EUR','taxRate':'0.2',"
                + "'lines':[{'description':'Tiles','quantity':'1000','unit':'m2','unitPrice':'0.10','currency':'EUR',"
                + "'lineTotal':'100.00'}],'subtotal':'100.00','tax':'20.00','total':'120.00'}"));
        Estimate estimate = (Estimate) request.content();
        assertThat(estimate.lines().get(0).unitPrice()).isEqualTo(new BigDecimal("0.10"));
        assertThat(estimate.total()).isEqualTo(new BigDecimal("120.00"));

        Estimate scientific = new Estimate("EUR", BigDecimal.ZERO, estimate.lines(), new BigDecimal("1E+3"),
                BigDecimal.ZERO, new BigDecimal("1E+3"));
        assertThat(EventJson.MAPPER.<JsonNode>valueToTree(scientific).get("total").asText()).isEqualTo("1000");
    }

    @Test
    void aRoomReportSnapshotIsReadWithItsImagesComparisonsAndRender() throws Exception {
        String content = "{'notes':'Walls first','room':{'id':'" + ROOM + "','name':'Kitchen','roomType':'kitchen'},"
                + "'images':[{'assetId':'" + ASSET_A + "','assetType':'photo','caption':'Old','altText':null,"
                + "'width':400,'height':300,'original':{'key':'a.jpg','contentType':'image/jpeg'},"
                + "'variant':{'key':'a_v.jpg','contentType':'image/jpeg','width':400,'height':300}},"
                + "{'assetId':'" + ASSET_B + "','assetType':'photo','caption':null,'altText':null,'width':null,"
                + "'height':null,'original':{'key':'b.png','contentType':'image/png'},'variant':null}],"
                + "'comparisons':[{'id':'" + DOCUMENT + "','title':'Whole','description':null,'beforeAssetId':'"
                + ASSET_A + "','afterAssetId':'" + ASSET_B + "'}],'render':{'sessionTitle':'Flat',"
                + "'variantType':'optimized','format':'jpeg','imageCount':2,'comparisonCount':1,"
                + "'snapshotAt':'2026-01-02T03:04:05.123456Z'}}";
        RoomReport report = (RoomReport) roundTrip(written("room_report_pdf", "'" + ROOM + "'", content)).content();

        assertThat(report.room().id()).isEqualTo(UUID.fromString(ROOM));
        assertThat(report.images().get(0).variant().key()).isEqualTo("a_v.jpg");
        assertThat(report.images().get(1).variant()).isNull();
        assertThat(report.comparisons().get(0).afterAssetId()).isEqualTo(UUID.fromString(ASSET_B));
        assertThat(report.render().snapshotAt()).isEqualTo(Instant.parse("2026-01-02T03:04:05.123456Z"));
    }

    @Test
    void reportNotesAreLeftOutWhenThereAreNone() throws Exception {
        assertThat(EventJson.MAPPER.<JsonNode>valueToTree(RoomReport.notesOnly(null)).has("notes")).isFalse();
        assertThat(roundTrip(written("room_report_pdf", "'" + ROOM + "'", "{'room':null,'images':[],"
                + "'comparisons':[],'render':null}")).content()).isEqualTo(new RoomReport(null, null, List.of(),
                List.of(), null));
    }

    @Test
    void anUnknownTypeOrContentOfAnotherTypeIsMalformed() {
        String unknown = EventJson.write(new EventEnvelope(UUID.randomUUID(), Topics.DOCUMENT_REQUESTED, "x",
                Instant.now(), DOCUMENT, null)).replace("\"data\":null", "\"data\":"
                + written("poster_pdf", "null", "{'items':[]}"));
        assertThatThrownBy(() -> EventJson.read(unknown, DocumentRequested.class))
                .isInstanceOf(MalformedEventException.class);
        assertThatThrownBy(() -> new DocumentRequested(UUID.randomUUID(), UUID.randomUUID(), null, "u",
                DocumentType.PLAN, null, 1, null, "t", new Checklist(List.of()), null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
