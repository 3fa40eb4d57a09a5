package com.renovation.media.contracts.events.payload;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.renovation.media.contracts.events.EventPayload;
import com.renovation.media.contracts.events.Topics;
import java.util.UUID;

/** A thumbnail ({@code exportId} null) or an export of an artefact version could not be made; {@code error} says why. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ArtefactRenderFailed(UUID artefactId, UUID sessionId, UUID roomId, int version, UUID exportId,
        String error) implements EventPayload {

    @Override
    public String topic() {
        return Topics.ARTEFACT_RENDER_FAILED;
    }

    @Override
    public String subject() {
        return artefactId.toString();
    }

    public boolean thumbnail() {
        return exportId == null;
    }
}
