package com.renovation.media.assets.service.documents;

import com.renovation.media.assets.service.documents.DocumentContentRules;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.renovation.media.web.problem.ApiException;
import org.junit.jupiter.api.Test;

class DocumentContentRulesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final DocumentContentRules rules = new DocumentContentRules(3);

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static String field(Runnable call) {
        try {
            call.run();
        } catch (ApiException e) {
            return e.problem().errors().get(0).field();
        }
        throw new AssertionError("no problem raised");
    }

    @Test
    void anEstimateIsTotalledWithBigDecimalAndClientTotalsAreIgnored() {
        ObjectNode out = rules.normalize("estimate_pdf", json("{'taxRate':0.2,'total':'1.00','lines':["
                + "{'description':'Tiles','quantity':12.5,'unit':'m2','unitPrice':'39.99','currency':'EUR'},"
                + "{'description':'Grout','quantity':'3','unit':'bag','unitPrice':0.1,'currency':'EUR','lineTotal':9}]}"));
        assertThat(out.get("lines").get(0).get("lineTotal").asText()).isEqualTo("499.88"); // 499.875 half up
        assertThat(out.get("lines").get(1).get("lineTotal").asText()).isEqualTo("0.30");   // not 0.30000000000000004
        assertThat(out.get("subtotal").asText()).isEqualTo("500.18");
        assertThat(out.get("tax").asText()).isEqualTo("100.04");
        assertThat(out.get("total").asText()).isEqualTo("600.22");
        assertThat(out.get("currency").asText()).isEqualTo("EUR");
    }

    @Test
    void taxDefaultsToZero() {
        ObjectNode out = rules.normalize("estimate_pdf", json("{'currency':'USD','lines':["
                + "{'description':'Paint','quantity':2,'unit':'l','unitPrice':'10.5'}]}"));
        assertThat(out.get("tax").asText()).isEqualTo("0.00");
        assertThat(out.get("total").asText()).isEqualTo("21.00");
    }

    @Test
    void badEstimatesAreRefusedWithTheField() {
        assertThat(field(() -> rules.normalize("estimate_pdf", json("{'currency':'EUR','lines':[{'description':'x',"
                + "'quantity':-1,'unit':'m','unitPrice':1}]}")))).isEqualTo("content.lines[0].quantity");
        assertThat(field(() -> rules.normalize("estimate_pdf", json("{'currency':'EUR','lines':[{'description':'x',"
                + "'quantity':1,'unit':'m','unitPrice':-1}]}")))).isEqualTo("content.lines[0].unitPrice");
        assertThat(field(() -> rules.normalize("estimate_pdf", json("{'lines':[{'description':'x',"
                + "'quantity':1,'unit':'m','unitPrice':1,'currency':'EUR'},{'description':'y',"
                + "'quantity':1,'unit':'m','unitPrice':1,'currency':'USD'}]}")))).isEqualTo("content.lines[1].currency");
        assertThat(field(() -> rules.normalize("estimate_pdf", json("{'currency':'EUR','taxRate':1.5,'lines':["
                + "{'description':'x','quantity':1,'unit':'m','unitPrice':1}]}")))).isEqualTo("content.taxRate");
        assertThat(field(() -> rules.normalize("estimate_pdf", json("{'currency':'EUR','lines':[{'description':'x',"
                + "'quantity':'lots','unit':'m','unitPrice':1}]}")))).isEqualTo("content.lines[0].quantity");
    }

    @Test
    void checklistsNeedItemsWithTextAndADoneFlagWithinTheLimit() {
        ObjectNode out = rules.normalize("checklist_pdf", json("{'items':[{'text':' Tiles ','done':true}]}"));
        assertThat(out.toString()).isEqualTo("{\"items\":[{\"text\":\"Tiles\",\"done\":true}]}");
        assertThat(field(() -> rules.normalize("checklist_pdf", json("{'items':[]}")))).isEqualTo("content.items");
        assertThat(field(() -> rules.normalize("checklist_pdf", json("{'items':[{'text':'a'}]}"))))
                .isEqualTo("content.items[0].done");
        assertThat(field(() -> rules.normalize("checklist_pdf", json("{'items':[{'text':'','done':false}]}"))))
                .isEqualTo("content.items[0].text");
        assertThat(field(() -> rules.normalize("checklist_pdf", json("{'items':[{'text':'a','done':false},"
                + "{'text':'b','done':false},{'text':'c','done':false},{'text':'d','done':false}]}"))))
                .isEqualTo("content.items");
    }

    @Test
    void plansKeepTheirSectionsInOrder() {
        ObjectNode out = rules.normalize("plan_pdf", json("{'sections':[{'heading':'B','text':'x'},{'heading':'A'}]}"));
        assertThat(out.get("sections").get(0).get("heading").asText()).isEqualTo("B");
        assertThat(out.get("sections").get(1).get("text").asText()).isEmpty();
        assertThat(field(() -> rules.normalize("plan_pdf", json("{'sections':[{'text':'x'}]}"))))
                .isEqualTo("content.sections[0].heading");
    }

    @Test
    void unknownTypesAndNonObjectsAreRefused() {
        assertThat(field(() -> rules.normalize("poster_pdf", json("{}")))).isEqualTo("documentType");
        assertThat(field(() -> rules.normalize("plan_pdf", json("[1]")))).isEqualTo("content");
        assertThatThrownBy(() -> rules.normalize("room_report_pdf", json("{'notes':5}")))
                .isInstanceOf(ApiException.class);
        assertThat(rules.normalize("room_report_pdf", null).isEmpty()).isTrue();
    }
}
