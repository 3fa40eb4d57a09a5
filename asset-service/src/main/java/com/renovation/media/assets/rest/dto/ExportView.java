package com.renovation.media.assets.rest.dto;

import com.renovation.media.assets.repository.ArtefactExport;
import com.renovation.media.assets.repository.RenderStatus;
import com.renovation.media.contracts.artefacts.ExportFormat;
import java.time.Instant;
import java.util.UUID;

/** An export; {@code downloadUrl} (signed, as an attachment) once it is ready. */
public record ExportView(UUID id, UUID artefactId, int version, ExportFormat format, Integer width,
        RenderStatus status, String downloadUrl, Long bytes, String error, Instant createdAt, Instant expiresAt) {

    public static ExportView of(ArtefactExport e, String downloadUrl) {
        return new ExportView(e.id, e.artefactId, e.version, e.format, e.width, e.status, downloadUrl, e.bytes,
                e.error, e.createdAt, e.expiresAt);
    }
}
