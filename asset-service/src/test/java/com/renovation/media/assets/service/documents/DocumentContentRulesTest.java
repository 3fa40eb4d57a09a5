package com.renovation.media.assets.service.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.renovation.media.contracts.documents.DocumentContent;
import com.renovation.media.contracts.documents.DocumentType;
import com.renovation.media.contracts.documents.RoomReport;
import com.renovation.media.contracts.events.EventJson;
import com.renovation.media.web.problem.ApiException;
import com.renovation.media.web.problem.Problem;
import jakarta.validation.Validation;
import java.util.List;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

class DocumentContentRulesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final DocumentContentRules rules = new DocumentContentRules(3, Validation.byDefaultProvider()
            .configure().messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory()
            .getValidator());

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The content as it goes out in document.requested. */
    private JsonNode out(DocumentType type, String content) {
        return EventJson.MAPPER.valueToTree(rules.normalize(type, json(content)));
    }

    private static List<Problem.FieldError> errors(Runnable call) {
        try {
            call.run();
        } catch (ApiException e) {
            return e.problem().errors();
        }
        throw new AssertionError("no problem raised");
    }

    private static String field(Runnable call) {
        return errors(call).get(0).field();
    }

    private String field(DocumentType type, String content) {
        return field(() -> rules.normalize(type, json(content)));
    }

    @Test
    void anEstimateIsTotalledWithBigDecimalAndClientTotalsAreIgnored() {
        JsonNode out = out(DocumentType.ESTIMATE, "{'taxRate':0.2,'total':'1.00','subtotal':'lots','lines':["
                + "{'description':'Tiles','quantity':12.5,'unit':'m2','unitPrice':'39.99','currency':'EUR'},"
                + "{'description':'Grout','quantity':'3','unit':'bag','unitPrice':0.1,'currency':'EUR','lineTotal':9}]}");
        assertThat(out.get("lines").get(0).get("lineTotal").asText()).isEqualTo("499.88"); // 499.875 half up
        assertThat(out.get("lines").get(1).get("lineTotal").asText()).isEqualTo("0.30");   // not 0.30000000000000004
        assertThat(out.get("subtotal").asText()).isEqualTo("500.18");
        assertThat(out.get("tax").asText()).isEqualTo("100.04");
        assertThat(out.get("total").asText()).isEqualTo("600.22");
        assertThat(out.get("currency").asText()).isEqualTo("EUR");
        assertThat(out.get("taxRate").asText()).isEqualTo("0.2");
    }

    @Test
    void estimateAmountsGoOutAsPlainDigits() {
        JsonNode line = out(DocumentType.ESTIMATE, "{'currency':'EUR','lines':[{'description':' Sand ',"
                + "'quantity':'1000.000','unit':'kg','unitPrice':'0.125'}]}").get("lines").get(0);
        assertThat(line.toString()).isEqualTo("{\"description\":\"Sand\",\"quantity\":\"1000\",\"unit\":\"kg\","
                + "\"unitPrice\":\"0.13\",\"currency\":\"EUR\",\"lineTotal\":\"125.00\"}");
    }

    @Test
    void taxDefaultsToZero() {
        JsonNode out = out(DocumentType.ESTIMATE, "{'currency':'USD','lines':["
                + "{'description':'Paint','quantity':2,'unit':'l','unitPrice':'10.5'}]}");
        assertThat(out.get("tax").asText()).isEqualTo("0.00");
        assertThat(out.get("total").asText()).isEqualTo("21.00");
    }

    @Test
    void badEstimatesAreRefusedWithTheField() {
        assertThat(field(DocumentType.ESTIMATE, "{'currency':'EUR','lines':[{'description':'x',"
                + "'quantity':-1,'unit':'m','unitPrice':1}]}")).isEqualTo("content.lines[0].quantity");
        assertThat(field(DocumentType.ESTIMATE, "{'currency':'EUR','lines':[{'description':'x',"
                + "'quantity':1,'unit':'m','unitPrice':-1}]}")).isEqualTo("content.lines[0].unitPrice");
        assertThat(field(DocumentType.ESTIMATE, "{'lines':[{'description':'x',"
                + "'quantity':1,'unit':'m','unitPrice':1,'currency':'EUR'},{'description':'y',"
                + "'quantity':1,'unit':'m','unitPrice':1,'currency':'USD'}]}")).isEqualTo("content.lines[1].currency");
        assertThat(field(DocumentType.ESTIMATE, "{'lines':[{'description':'x',"
                + "'quantity':1,'unit':'m','unitPrice':1}]}")).isEqualTo("content.lines[0].currency");
        assertThat(field(DocumentType.ESTIMATE, "{'currency':'EUR','taxRate':1.5,'lines':["
                + "{'description':'x','quantity':1,'unit':'m','unitPrice':1}]}")).isEqualTo("content.taxRate");
        assertThat(field(DocumentType.ESTIMATE, "{'currency':'EUR','lines':[{'description':'x',"
                + "'quantity':'lots','unit':'m','unitPrice':1}]}")).isEqualTo("content.lines[0].quantity");
        assertThat(field(DocumentType.ESTIMATE, "{'currency':'EUR','lines':[{'description':'x',"
                + "'quantity':'1.1234567','unit':'m','unitPrice':1}]}")).isEqualTo("content.lines[0].quantity");
        assertThat(field(DocumentType.ESTIMATE, "{'currency':'euro','lines':[{'description':'x',"
                + "'quantity':1,'unit':'m','unitPrice':1}]}")).isEqualTo("content.currency");
    }

    @Test
    void everyFieldBreakingItsLimitIsNamedInOneProblem() {
        assertThat(errors(() -> rules.normalize(DocumentType.ESTIMATE, json("{'currency':'EUR','lines':["
                + "{'description':'','quantity':0,'unit':'m','unitPrice':1}]}"))))
                .extracting(Problem.FieldError::field)
                .containsExactly("content.lines[0].description", "content.lines[0].quantity");
    }

    @Test
    void checklistsNeedItemsWithTextAndADoneFlagWithinTheLimit() {
        JsonNode out = out(DocumentType.CHECKLIST, "{'items':[{'text':' Tiles ','done':true}]}");
        assertThat(out.toString()).isEqualTo("{\"items\":[{\"text\":\"Tiles\",\"done\":true}]}");
        assertThat(field(DocumentType.CHECKLIST, "{'items':[]}")).isEqualTo("content.items");
        assertThat(field(DocumentType.CHECKLIST, "{'items':[{'text':'a'}]}")).isEqualTo("content.items[0].done");
        assertThat(field(DocumentType.CHECKLIST, "{'items':[{'text':'','done':false}]}"))
                .isEqualTo("content.items[0].text");
        assertThat(field(DocumentType.CHECKLIST, "{'items':[{'text':'a','done':false},"
                + "{'text':'b','done':false},{'text':'c','done':false},{'text':'d','done':false}]}"))
                .isEqualTo("content.items");
    }

    @Test
    void valuesOfTheWrongKindAreRefusedNotConverted() {
        assertThat(errors(() -> rules.normalize(DocumentType.CHECKLIST, json("{'items':[{'text':'a','done':'yes'}]}"))))
                .containsExactly(new Problem.FieldError("content.items[0].done", "must be true or false"));
        assertThat(field(DocumentType.CHECKLIST, "{'items':[{'text':'a','done':1}]}")).isEqualTo("content.items[0].done");
        assertThat(field(DocumentType.CHECKLIST, "{'items':[{'text':5,'done':true}]}")).isEqualTo("content.items[0].text");
        assertThat(errors(() -> rules.normalize(DocumentType.CHECKLIST, json("{'items':[1]}"))))
                .containsExactly(new Problem.FieldError("content.items", "entries must be objects"));
        assertThat(field(DocumentType.CHECKLIST, "{'items':[null]}")).isEqualTo("content.items");
        assertThat(field(DocumentType.CHECKLIST, "{'items':'all of them'}")).isEqualTo("content.items");
        assertThat(field(DocumentType.PLAN, "{'sections':[{'heading':'h','text':['x']}]}"))
                .isEqualTo("content.sections[0].text");
    }

    @Test
    void plansKeepTheirSectionsInOrder() {
        JsonNode out = out(DocumentType.PLAN, "{'sections':[{'heading':'B','text':'x'},{'heading':'A'}]}");
        assertThat(out.get("sections").get(0).get("heading").asText()).isEqualTo("B");
        assertThat(out.get("sections").get(1).get("text").asText()).isEmpty();
        assertThat(field(DocumentType.PLAN, "{'sections':[{'text':'x'}]}")).isEqualTo("content.sections[0].heading");
    }

    @Test
    void nonObjectsAreRefusedAndAReportTakesOnlyNotesFromTheClient() {
        assertThat(field(() -> rules.normalize(DocumentType.PLAN, json("[1]")))).isEqualTo("content");
        assertThat(field(() -> rules.normalize(DocumentType.PLAN, null))).isEqualTo("content");
        assertThatThrownBy(() -> rules.normalize(DocumentType.ROOM_REPORT, json("{'notes':5}")))
                .isInstanceOf(ApiException.class);
        assertThat(field(() -> rules.normalize(DocumentType.ROOM_REPORT, json("{'notes':'" + "x".repeat(20_001)
                + "'}")))).isEqualTo("content.notes");
        assertThat(rules.normalize(DocumentType.ROOM_REPORT, null)).isEqualTo(RoomReport.notesOnly(null));
        DocumentContent forged = rules.normalize(DocumentType.ROOM_REPORT, json("{'notes':'n','images':"
                + "[{'original':{'key':'session_x/room_y/photos/1.jpg'}}],'render':7}"));
        assertThat(forged).isEqualTo(RoomReport.notesOnly("n"));
    }
}
