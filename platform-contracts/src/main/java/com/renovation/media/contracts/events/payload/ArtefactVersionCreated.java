package com.renovation.media.contracts.events.payload;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.renovation.media.contracts.artefacts.ArtefactKind;
import com.renovation.media.contracts.events.EventPayload;
import com.renovation.media.contracts.events.Topics;
import java.util.UUID;

/**
 * A new version of an SVG artefact is recorded; document-service makes its thumbnail. {@code sourceKey} is the
 * sanitised SVG of the version in {@code bucket}, under the artefact's sources folder
 * ({@code StoragePaths.artefactSourcesPrefix}); the thumbnail's key follows from the ids.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ArtefactVersionCreated(UUID artefactId, UUID sessionId, UUID roomId, String ownerId,
        ArtefactKind kind, String title, int version, String bucket, String sourceKey) implements EventPayload {

    @Override
    public String topic() {
        return Topics.ARTEFACT_VERSION_CREATED;
    }

    @Override
    public String subject() {
        return artefactId.toString();
    }
}
