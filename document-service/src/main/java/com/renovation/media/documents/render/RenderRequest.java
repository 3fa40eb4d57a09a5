package com.renovation.media.documents.render;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** What a document is made from: its type, title and the content asset-service validated. */
public record RenderRequest(String documentType, String title, String phase, int version, JsonNode content,
        Instant generatedAt) {
}
