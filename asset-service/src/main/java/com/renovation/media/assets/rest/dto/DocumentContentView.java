package com.renovation.media.assets.rest.dto;

import com.renovation.media.contracts.documents.DocumentType;
import java.util.Map;
import java.util.UUID;

/**
 * One version's typed content ({@code GET /documents/{id}/content}), in the form {@code document.requested}
 * carried it: an estimate with its computed totals, a room report with the snapshot taken when it was asked for.
 */
public record DocumentContentView(UUID id, DocumentType documentType, int version, Map<String, Object> content) {
}
