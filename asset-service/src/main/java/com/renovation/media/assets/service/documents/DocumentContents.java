package com.renovation.media.assets.service.documents;

import com.fasterxml.jackson.core.type.TypeReference;
import com.renovation.media.contracts.documents.DocumentContent;
import com.renovation.media.contracts.documents.DocumentType;
import com.renovation.media.contracts.events.EventJson;
import java.util.Map;

/**
 * A document's typed content as the JSON a row keeps, written and read with the contracts' mapper: the very
 * form {@code document.requested} carries, so what a row holds can be asked for again unchanged.
 */
public final class DocumentContents {

    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {
    };

    private DocumentContents() {
    }

    public static Map<String, Object> toJson(DocumentContent content) {
        return EventJson.MAPPER.convertValue(content, JSON_OBJECT);
    }

    /** @throws IllegalArgumentException when the JSON is not content of that type */
    public static DocumentContent fromJson(DocumentType type, Map<String, Object> json) {
        return EventJson.MAPPER.convertValue(json, type.contentClass());
    }
}
