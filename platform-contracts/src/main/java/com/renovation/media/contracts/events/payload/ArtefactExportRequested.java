package com.renovation.media.contracts.events.payload;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.renovation.media.contracts.artefacts.ArtefactKind;
import com.renovation.media.contracts.artefacts.ExportFormat;
import com.renovation.media.contracts.events.EventPayload;
import com.renovation.media.contracts.events.Topics;
import java.util.UUID;

/**
 * An export of one artefact version is requested; document-service renders it to the export's key
 * ({@code StoragePaths.artefactExportKey}). {@code width} is the PNG's width in pixels (null for PDF and SVG).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ArtefactExportRequested(UUID exportId, UUID artefactId, UUID sessionId, UUID roomId, String ownerId,
        ArtefactKind kind, String title, int version, ExportFormat format, Integer width, String bucket,
        String sourceKey) implements EventPayload {

    @Override
    public String topic() {
        return Topics.ARTEFACT_EXPORT_REQUESTED;
    }

    @Override
    public String subject() {
        return artefactId.toString();
    }
}
