package com.renovation.media.contracts.documents;

/**
 * What a document is drawn from, one record per {@link DocumentType}. In JSON the type is not inside the
 * content: it is the {@code documentType} beside it (in a request, an event or a row), and
 * {@link DocumentTypeIds} reads the content by it.
 */
public sealed interface DocumentContent permits Checklist, Plan, Estimate, RoomReport, ContractDraft {

    /** Longest checklist item, estimate line description. */
    int MAX_TEXT = 2_000;
    /** Longest plan section body and room report notes. */
    int MAX_SECTION_TEXT = 20_000;
    /** Longest plan section heading. */
    int MAX_HEADING = 200;

    /** The type this content is of. */
    default DocumentType type() {
        return DocumentType.of(getClass());
    }
}
