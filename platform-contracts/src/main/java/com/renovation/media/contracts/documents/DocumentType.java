package com.renovation.media.contracts.documents;

import com.fasterxml.jackson.annotation.JsonValue;
import jakarta.persistence.EnumeratedValue;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The kinds of generated document, by the value they have in requests, events and both schemas' rows. */
public enum DocumentType {
    CHECKLIST("checklist_pdf", Checklist.class),
    PLAN("plan_pdf", Plan.class),
    ESTIMATE("estimate_pdf", Estimate.class),
    ROOM_REPORT("room_report_pdf", RoomReport.class),
    CONTRACT_DRAFT("contract_draft", ContractDraft.class);

    /** What JSON and the database columns hold. */
    @EnumeratedValue
    private final String value;
    private final Class<? extends DocumentContent> contentClass;

    DocumentType(String value, Class<? extends DocumentContent> contentClass) {
        this.value = value;
        this.contentClass = contentClass;
    }

    @JsonValue
    public String value() {
        return value;
    }

    /** The record its {@code content} is read into. */
    public Class<? extends DocumentContent> contentClass() {
        return contentClass;
    }

    public static Optional<DocumentType> find(String value) {
        return Arrays.stream(values()).filter(type -> type.value.equals(value)).findFirst();
    }

    /** @throws IllegalArgumentException for a value that names no type */
    public static DocumentType of(String value) {
        return find(value).orElseThrow(() -> new IllegalArgumentException("unknown document type " + value));
    }

    /** The type whose content is of this record. */
    public static DocumentType of(Class<? extends DocumentContent> contentClass) {
        return Arrays.stream(values()).filter(type -> type.contentClass.equals(contentClass)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(contentClass + " is no document content"));
    }

    /** "checklist_pdf, plan_pdf, …": what a client may ask for. */
    public static String allValues() {
        return Arrays.stream(values()).map(DocumentType::value).collect(Collectors.joining(", "));
    }
}
