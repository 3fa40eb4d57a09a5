package com.renovation.media.assets.service.documents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.renovation.media.web.problem.ApiException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a document request's {@code content} against its type and rebuilds it from the fields it knows, so
 * what document-service receives is exactly what was checked. An estimate's line totals, tax and grand total
 * are computed here with BigDecimal (two decimals, half up); totals a client sends are never used.
 */
public final class DocumentContentRules {

    public static final Set<String> TYPES = Set.of("checklist_pdf", "plan_pdf", "estimate_pdf", "room_report_pdf");

    static final int MAX_TEXT = 2_000;
    static final int MAX_SECTION_TEXT = 20_000;
    private static final BigDecimal MAX_QUANTITY = new BigDecimal("1000000000");
    private static final BigDecimal MAX_PRICE = new BigDecimal("1000000000000");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final int maxItems;

    public DocumentContentRules(int maxItems) {
        this.maxItems = maxItems;
    }

    /** The checked content; a room report's client part (its notes) before the room snapshot is added. */
    public ObjectNode normalize(String documentType, JsonNode content) {
        if (!TYPES.contains(documentType)) {
            throw ApiException.invalid("documentType", "must be one of checklist_pdf, plan_pdf, estimate_pdf, "
                    + "room_report_pdf");
        }
        if (documentType.equals("room_report_pdf")) {
            return report(content);
        }
        if (content == null || !content.isObject()) {
            throw ApiException.invalid("content", "must be an object");
        }
        return switch (documentType) {
            case "checklist_pdf" -> checklist(content);
            case "plan_pdf" -> plan(content);
            default -> estimate(content);
        };
    }

    private ObjectNode checklist(JsonNode content) {
        ArrayNode items = JSON.arrayNode();
        int i = 0;
        for (JsonNode item : list(content, "items")) {
            String at = "content.items[" + i++ + "]";
            JsonNode done = item.path("done");
            if (!done.isBoolean()) {
                throw ApiException.invalid(at + ".done", "must be true or false");
            }
            items.addObject().put("text", text(item, "text", at, MAX_TEXT)).put("done", done.booleanValue());
        }
        ObjectNode out = JSON.objectNode();
        out.set("items", items);
        return out;
    }

    private ObjectNode plan(JsonNode content) {
        ArrayNode sections = JSON.arrayNode();
        int i = 0;
        for (JsonNode section : list(content, "sections")) {
            String at = "content.sections[" + i++ + "]";
            JsonNode body = section.path("text");
            if (!body.isMissingNode() && !body.isNull() && !body.isTextual()) {
                throw ApiException.invalid(at + ".text", "must be text");
            }
            if (body.asText("").length() > MAX_SECTION_TEXT) {
                throw ApiException.invalid(at + ".text", "must be at most " + MAX_SECTION_TEXT + " characters");
            }
            sections.addObject().put("heading", text(section, "heading", at, 200)).put("text", body.asText(""));
        }
        ObjectNode out = JSON.objectNode();
        out.set("sections", sections);
        return out;
    }

    private ObjectNode estimate(JsonNode content) {
        String currency = content.hasNonNull("currency") ? currency(content.get("currency"), "content.currency")
                : null;
        BigDecimal taxRate = BigDecimal.ZERO;
        if (content.hasNonNull("taxRate")) {
            taxRate = decimal(content.get("taxRate"), "content.taxRate");
            if (taxRate.signum() < 0 || taxRate.compareTo(BigDecimal.ONE) > 0) {
                throw ApiException.invalid("content.taxRate", "must be between 0 and 1 (0.2 is 20 %)");
            }
        }
        ArrayNode lines = JSON.arrayNode();
        BigDecimal subtotal = BigDecimal.ZERO;
        int i = 0;
        for (JsonNode line : list(content, "lines")) {
            String at = "content.lines[" + i++ + "]";
            BigDecimal quantity = decimal(line.get("quantity"), at + ".quantity");
            if (quantity.signum() <= 0 || quantity.compareTo(MAX_QUANTITY) > 0) {
                throw ApiException.invalid(at + ".quantity", "must be above 0 and at most " + MAX_QUANTITY);
            }
            BigDecimal unitPrice = decimal(line.get("unitPrice"), at + ".unitPrice");
            if (unitPrice.signum() < 0 || unitPrice.compareTo(MAX_PRICE) > 0) {
                throw ApiException.invalid(at + ".unitPrice", "must be 0 or more and at most " + MAX_PRICE);
            }
            String lineCurrency = line.hasNonNull("currency") ? currency(line.get("currency"), at + ".currency")
                    : currency;
            if (lineCurrency == null) {
                throw ApiException.invalid(at + ".currency", "is required (or give content.currency)");
            }
            if (currency != null && !currency.equals(lineCurrency)) {
                throw ApiException.invalid(at + ".currency", "must be " + currency + ": one currency per estimate");
            }
            currency = lineCurrency;
            BigDecimal lineTotal = money(quantity.multiply(unitPrice));
            subtotal = subtotal.add(lineTotal);
            lines.addObject().put("description", text(line, "description", at, MAX_TEXT))
                    .put("quantity", quantity.stripTrailingZeros().toPlainString())
                    .put("unit", text(line, "unit", at, 20))
                    .put("unitPrice", money(unitPrice).toPlainString())
                    .put("currency", lineCurrency)
                    .put("lineTotal", lineTotal.toPlainString());
        }
        BigDecimal tax = money(subtotal.multiply(taxRate));
        ObjectNode out = JSON.objectNode();
        out.put("currency", currency);
        out.put("taxRate", taxRate.stripTrailingZeros().toPlainString());
        out.set("lines", lines);
        out.put("subtotal", subtotal.toPlainString());
        out.put("tax", tax.toPlainString());
        out.put("total", subtotal.add(tax).toPlainString());
        return out;
    }

    /** A room report's content is made from the room; the client may only add notes. */
    private static ObjectNode report(JsonNode content) {
        ObjectNode out = JSON.objectNode();
        if (content == null || content.isNull()) {
            return out;
        }
        if (!content.isObject()) {
            throw ApiException.invalid("content", "must be an object");
        }
        JsonNode notes = content.path("notes");
        if (!notes.isMissingNode() && !notes.isNull()) {
            if (!notes.isTextual() || notes.asText().length() > MAX_SECTION_TEXT) {
                throw ApiException.invalid("content.notes", "must be text of at most " + MAX_SECTION_TEXT
                        + " characters");
            }
            out.put("notes", notes.asText());
        }
        return out;
    }

    private JsonNode list(JsonNode content, String field) {
        JsonNode list = content.path(field);
        if (!list.isArray() || list.isEmpty()) {
            throw ApiException.invalid("content." + field, "must be a non-empty list");
        }
        if (list.size() > maxItems) {
            throw ApiException.invalid("content." + field, "must have at most " + maxItems + " entries");
        }
        for (JsonNode entry : list) {
            if (!entry.isObject()) {
                throw ApiException.invalid("content." + field, "entries must be objects");
            }
        }
        return list;
    }

    private static String text(JsonNode node, String field, String at, int max) {
        JsonNode value = node.path(field);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw ApiException.invalid(at + "." + field, "must be non-empty text");
        }
        if (value.asText().length() > max) {
            throw ApiException.invalid(at + "." + field, "must be at most " + max + " characters");
        }
        return value.asText().strip();
    }

    private static String currency(JsonNode node, String at) {
        if (!node.isTextual() || !CURRENCY.matcher(node.asText()).matches()) {
            throw ApiException.invalid(at, "must be an ISO 4217 code such as EUR");
        }
        return node.asText();
    }

    /** A number given as a JSON number or a string; read from its text, so no binary rounding creeps in. */
    private static BigDecimal decimal(JsonNode node, String at) {
        if (node == null || !(node.isNumber() || node.isTextual())) {
            throw ApiException.invalid(at, "must be a number");
        }
        try {
            BigDecimal value = new BigDecimal(node.asText().strip());
            if (value.scale() > 6 || value.precision() - value.scale() > 15) {
                throw ApiException.invalid(at, "has too many digits");
            }
            return value;
        } catch (NumberFormatException e) {
            throw ApiException.invalid(at, "must be a number");
        }
    }

    private static BigDecimal money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }
}
