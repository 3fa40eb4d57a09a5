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
    ROOM_REPORT("room_report_pdf", RoomReport.class);

    /** What JSON and the database columns hold. */
    @EnumeratedValue
    private final String wire;
    private final Class<? extends DocumentContent> contentClass;

    DocumentType(String wire, Class<? extends DocumentContent> contentClass) {
        this.wire = wire;
        this.contentClass = contentClass;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    /** The record its {@code content} is read into. */
    public Class<? extends DocumentContent> contentClass() {
        return contentClass;
    }

    public static Optional<DocumentType> find(String wire) {
        return Arrays.stream(values()).filter(type -> type.wire.equals(wire)).findFirst();
    }

    /** @throws IllegalArgumentException for a value that names no type */
    public static DocumentType of(String wire) {
        return find(wire).orElseThrow(() -> new IllegalArgumentException("unknown document type " + wire));
    }

    /** The type whose content is of this record. */
    public static DocumentType of(Class<? extends DocumentContent> contentClass) {
        return Arrays.stream(values()).filter(type -> type.contentClass.equals(contentClass)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(contentClass + " is no document content"));
    }

    /** "checklist_pdf, plan_pdf, …": what a client may ask for. */
    public static String allWires() {
        return Arrays.stream(values()).map(DocumentType::wire).collect(Collectors.joining(", "));
    }
}
