package com.renovation.media.contracts.documents;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

/** The limits the records carry, with the field paths and messages clients see in a problem. */
class DocumentContentConstraintsTest {

    private static final Validator VALIDATOR = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();

    /** Field path → message of every violation. */
    private static Map<String, String> violations(Object content) {
        Map<String, String> found = new TreeMap<>();
        VALIDATOR.validate(content).forEach(v -> found.merge(v.getPropertyPath().toString(), v.getMessage(),
                (a, b) -> a + " | " + b));
        return found;
    }

    private static Estimate.Line line(String quantity, String unitPrice) {
        return new Estimate.Line("Tiles", new BigDecimal(quantity), "m2", new BigDecimal(unitPrice), null, null);
    }

    private static Estimate estimate(String taxRate, Estimate.Line... lines) {
        return new Estimate("EUR", new BigDecimal(taxRate), List.of(lines), null, null, null);
    }

    @Test
    void checklistItemsNeedTextWithinTheLimitAndADoneFlag() {
        assertThat(violations(new Checklist(List.of(new Checklist.Item("Tiles", false))))).isEmpty();
        assertThat(violations(new Checklist(List.of()))).containsOnly(Map.entry("items", "must be a non-empty list"));
        assertThat(violations(new Checklist(List.of(new Checklist.Item(" ", null),
                new Checklist.Item("x".repeat(DocumentContent.MAX_TEXT + 1), true))))).containsOnly(
                Map.entry("items[0].text", "must be non-empty text"),
                Map.entry("items[0].done", "must be true or false"),
                Map.entry("items[1].text", "must be at most 2000 characters"));
    }

    @Test
    void planSectionsNeedAHeadingAndMayLeaveTheirTextOut() {
        assertThat(violations(new Plan(List.of(new Plan.Section("Demolition", null))))).isEmpty();
        assertThat(violations(new Plan(List.of(new Plan.Section(null, "x"),
                new Plan.Section("h".repeat(201), "x".repeat(DocumentContent.MAX_SECTION_TEXT + 1)))))).containsOnly(
                Map.entry("sections[0].heading", "must be non-empty text"),
                Map.entry("sections[1].heading", "must be at most 200 characters"),
                Map.entry("sections[1].text", "must be at most 20000 characters"));
    }

    @Test
    void estimateAmountsStayWithinTheirRangesAndDigits() {
        assertThat(violations(estimate("0.2", line("12.5", "39.99"), line("1000000000", "0")))).isEmpty();
        assertThat(violations(estimate("1.5", line("0", "-0.01"), line("1000000000.5", "1000000000000.01"),
                line("0.0000001", "1")))).containsOnly(
                Map.entry("taxRate", "must be between 0 and 1 (0.2 is 20 %)"),
                Map.entry("lines[0].quantity", "must be above 0 and at most 1000000000"),
                Map.entry("lines[0].unitPrice", "must be 0 or more and at most 1000000000000"),
                Map.entry("lines[1].quantity", "must be above 0 and at most 1000000000"),
                Map.entry("lines[1].unitPrice", "must be 0 or more and at most 1000000000000"),
                Map.entry("lines[2].quantity", "has too many digits"));
        assertThat(violations(new Estimate("eur", null, List.of(new Estimate.Line("", null, "", null, "EURO",
                null)), null, null, null))).containsOnly(
                Map.entry("currency", "must be an ISO 4217 code such as EUR"),
                Map.entry("lines[0].description", "must be non-empty text"),
                Map.entry("lines[0].quantity", "must be a number"),
                Map.entry("lines[0].unit", "must be non-empty text"),
                Map.entry("lines[0].unitPrice", "must be a number"),
                Map.entry("lines[0].currency", "must be an ISO 4217 code such as EUR"));
    }

    @Test
    void reportNotesAreBounded() {
        assertThat(violations(RoomReport.notesOnly("Walls first"))).isEmpty();
        assertThat(violations(RoomReport.notesOnly("x".repeat(DocumentContent.MAX_SECTION_TEXT + 1))))
                .containsOnly(Map.entry("notes", "must be text of at most 20000 characters"));
    }
}
