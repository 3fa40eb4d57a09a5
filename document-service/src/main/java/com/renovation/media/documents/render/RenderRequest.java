package com.renovation.media.documents.render;

import com.renovation.media.contracts.documents.DocumentContent;
import com.renovation.media.contracts.documents.DocumentType;
import java.time.Instant;

/** What a document is made from: its type, title and the content asset-service validated (of that type). */
public record RenderRequest(DocumentType documentType, String title, String phase, int version,
        DocumentContent content, Instant generatedAt) {

    public RenderRequest {
        if (content == null || content.type() != documentType) {
            throw new RenderFailure("the content is not that of a " + documentType);
        }
    }
}
