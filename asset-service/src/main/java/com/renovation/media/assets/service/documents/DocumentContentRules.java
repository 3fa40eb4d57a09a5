package com.renovation.media.assets.service.documents;

import com.fasterxml.jackson.databind.JsonNode;
import com.renovation.media.contracts.documents.Checklist;
import com.renovation.media.contracts.documents.ContractDraft;
import com.renovation.media.contracts.documents.DocumentContent;
import com.renovation.media.contracts.documents.DocumentType;
import com.renovation.media.contracts.documents.Estimate;
import com.renovation.media.contracts.documents.Plan;
import com.renovation.media.contracts.documents.RoomReport;
import com.renovation.media.web.problem.ApiException;
import com.renovation.media.web.problem.Problem;
import com.renovation.media.web.problem.ProblemKind;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Checks a document request's {@code content} against its type and rebuilds it from the fields it knows, so
 * what document-service receives is exactly what was checked. The records' annotations hold the limits of
 * each field; here is only what they cannot say: the configured number of entries, one currency per estimate,
 * and the estimate's sums — line totals, tax and grand total computed with BigDecimal (two decimals, half up);
 * totals a client sends are never read.
 */
public final class DocumentContentRules {

    private final int maxItems;
    private final Validator validator;

    public DocumentContentRules(int maxItems, Validator validator) {
        this.maxItems = maxItems;
        this.validator = validator;
    }

    /** The checked content; a room report's client part (its notes) before the room snapshot is added. */
    public DocumentContent normalize(DocumentType type, JsonNode json) {
        DocumentContent content = DocumentContentReader.read(type, json);
        switch (type) {
            case CHECKLIST -> entries("items", ((Checklist) content).items());
            case PLAN -> entries("sections", ((Plan) content).sections());
            case ESTIMATE -> entries("lines", ((Estimate) content).lines());
            case CONTRACT_DRAFT -> {
                entries("scope", ((ContractDraft) content).scope());
                entries("terms", ((ContractDraft) content).terms());
            }
            case ROOM_REPORT -> { }
        }
        annotated(content);
        return switch (type) {
            case CHECKLIST -> checklist((Checklist) content);
            case PLAN -> plan((Plan) content);
            case ESTIMATE -> estimate((Estimate) content);
            case ROOM_REPORT -> RoomReport.notesOnly(((RoomReport) content).notes());
            case CONTRACT_DRAFT -> contract((ContractDraft) content);
        };
    }

    private void entries(String field, List<?> list) {
        if (list != null && list.size() > maxItems) {
            throw ApiException.invalid("content." + field, "must have at most " + maxItems + " entries");
        }
    }

    /** Every field that breaks its record's constraints, as one problem naming each. */
    private void annotated(DocumentContent content) {
        List<Problem.FieldError> errors = validator.validate(content).stream()
                .map(DocumentContentRules::fieldError)
                .sorted(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::message))
                .toList();
        if (!errors.isEmpty()) {
            String detail = errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; "));
            throw new ApiException(ProblemKind.VALIDATION, detail, errors);
        }
    }

    private static Problem.FieldError fieldError(ConstraintViolation<DocumentContent> violation) {
        return new Problem.FieldError("content." + violation.getPropertyPath(), violation.getMessage());
    }

    private static Checklist checklist(Checklist content) {
        return new Checklist(content.items().stream()
                .map(item -> new Checklist.Item(item.text().strip(), item.done())).toList());
    }

    private static Plan plan(Plan content) {
        return new Plan(content.sections().stream()
                .map(section -> new Plan.Section(section.heading().strip(),
                        section.text() == null ? "" : section.text())).toList());
    }

    private static Estimate estimate(Estimate content) {
        String currency = content.currency();
        BigDecimal taxRate = content.taxRate() == null ? BigDecimal.ZERO : content.taxRate();
        List<Estimate.Line> lines = new ArrayList<>();
        BigDecimal subtotal = BigDecimal.ZERO;
        for (int i = 0; i < content.lines().size(); i++) {
            Estimate.Line line = content.lines().get(i);
            String at = "content.lines[" + i + "].currency";
            String lineCurrency = line.currency() != null ? line.currency() : currency;
            if (lineCurrency == null) {
                throw ApiException.invalid(at, "is required (or give content.currency)");
            }
            if (currency != null && !currency.equals(lineCurrency)) {
                throw ApiException.invalid(at, "must be " + currency + ": one currency per estimate");
            }
            currency = lineCurrency;
            BigDecimal lineTotal = money(line.quantity().multiply(line.unitPrice()));
            subtotal = subtotal.add(lineTotal);
            lines.add(new Estimate.Line(line.description().strip(), line.quantity().stripTrailingZeros(),
                    line.unit().strip(), money(line.unitPrice()), lineCurrency, lineTotal));
        }
        BigDecimal tax = money(subtotal.multiply(taxRate));
        return new Estimate(currency, taxRate.stripTrailingZeros(), lines, subtotal, tax, subtotal.add(tax));
    }

    private static ContractDraft contract(ContractDraft content) {
        ContractDraft.Price price = content.price();
        return new ContractDraft(
                content.parties().stream().map(p -> new ContractDraft.Party(p.role().strip(), p.name().strip(),
                        p.address() == null || p.address().isBlank() ? null : p.address().strip())).toList(),
                content.scope().stream().map(item -> new ContractDraft.ScopeItem(item.description().strip()))
                        .toList(),
                new ContractDraft.Price(price.currency(), money(price.amount()),
                        price.paymentTerms() == null || price.paymentTerms().isBlank() ? null
                                : price.paymentTerms().strip()),
                content.termList().stream().map(term -> new ContractDraft.Term(term.heading().strip(),
                        term.text() == null ? "" : term.text())).toList());
    }

    private static BigDecimal money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }
}
