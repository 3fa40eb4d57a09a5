package com.renovation.media.assets.rest.dto;

import com.renovation.media.assets.repository.Artefact;
import com.renovation.media.assets.repository.ArtefactVersion;
import com.renovation.media.assets.repository.RenderStatus;
import com.renovation.media.contracts.artefacts.ArtefactKind;
import java.time.Instant;
import java.util.UUID;

/** An artefact as the API shows it: its latest version's facts, and its thumbnail's URL once there is one. */
public record ArtefactView(UUID id, UUID sessionId, UUID roomId, ArtefactKind kind, String title, int version,
        String author, String message, int contentBytes, RenderStatus thumbnailStatus, String thumbnailUrl,
        Instant createdAt, Instant updatedAt) {

    public static ArtefactView of(Artefact a, ArtefactVersion latest, String thumbnailUrl) {
        return new ArtefactView(a.id, a.sessionId, a.roomId, a.kind, a.title, latest.version, latest.author,
                latest.message, latest.contentBytes, latest.thumbnailStatus, thumbnailUrl, a.createdAt, a.updatedAt);
    }
}
