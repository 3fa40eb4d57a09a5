package com.renovation.media.contracts.events.payload;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.renovation.media.contracts.artefacts.ExportFormat;
import com.renovation.media.contracts.events.EventPayload;
import com.renovation.media.contracts.events.Topics;
import java.util.UUID;

/**
 * A thumbnail ({@code exportId} null, always PNG) or an export of an artefact version is stored at {@code key}.
 * {@code width} and {@code height} are pixels for PNG, points for PDF and the SVG's own size for SVG.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ArtefactRendered(UUID artefactId, UUID sessionId, UUID roomId, int version, UUID exportId,
        ExportFormat format, String bucket, String key, long bytes, int width, int height) implements EventPayload {

    @Override
    public String topic() {
        return Topics.ARTEFACT_RENDERED;
    }

    @Override
    public String subject() {
        return artefactId.toString();
    }

    public boolean thumbnail() {
        return exportId == null;
    }
}
