package com.renovation.media.assets.rest.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.renovation.media.assets.repository.ArtefactVersion;
import com.renovation.media.assets.repository.RenderStatus;
import java.time.Instant;

/** One version; {@code content} (the stored, sanitised SVG) only when one version is asked for, never in lists. */
public record ArtefactVersionView(int version, String author, String message, int contentBytes, String sha256,
        Integer restoredFrom, RenderStatus thumbnailStatus, String thumbnailUrl, Instant createdAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) String content) {

    public static ArtefactVersionView of(ArtefactVersion v, String thumbnailUrl, String content) {
        return new ArtefactVersionView(v.version, v.author, v.message, v.contentBytes, v.sha256, v.restoredFrom,
                v.thumbnailStatus, thumbnailUrl, v.createdAt, content);
    }
}
