package com.renovation.media.documents.service;

import com.renovation.media.contracts.artefacts.ArtefactImages;
import com.renovation.media.contracts.artefacts.ExportFormat;
import com.renovation.media.contracts.events.Event;
import com.renovation.media.contracts.events.payload.ArtefactExportRequested;
import com.renovation.media.contracts.events.payload.ArtefactRenderFailed;
import com.renovation.media.contracts.events.payload.ArtefactRendered;
import com.renovation.media.contracts.events.payload.ArtefactVersionCreated;
import com.renovation.media.messaging.consumer.PermanentEventFailure;
import com.renovation.media.storage.layout.Buckets;
import com.renovation.media.storage.layout.StoragePaths;
import java.util.UUID;

/**
 * One picture to make of an artefact version — its thumbnail or one export — read from a checked event. Keys are
 * never taken on trust: the source must be an object in the artefact's own sources folder of the platform's
 * bucket, and the key written is computed here from the ids, so a forged event can neither read another
 * session's drawing nor write anywhere but this artefact's folder. An event that fails a check is refused
 * (dead-lettered) before anything is read.
 *
 * @param exportId null for the thumbnail
 * @param width    a PNG's width in pixels; null for the thumbnail, PDF and SVG
 * @param heading  what a PDF's page says above the drawing
 */
public record ArtefactJob(UUID artefactId, UUID sessionId, UUID roomId, int version, UUID exportId,
        ExportFormat format, Integer width, String heading, String sourceKey, String targetKey) {

    public static ArtefactJob thumbnail(Event<ArtefactVersionCreated> event) {
        ArtefactVersionCreated created = event.data();
        String type = "artefact.version.created";
        requireSource(type, event.subject(), created.artefactId(), created.sessionId(), created.roomId(),
                created.version(), created.bucket(), created.sourceKey());
        return new ArtefactJob(created.artefactId(), created.sessionId(), created.roomId(), created.version(), null,
                ExportFormat.PNG, null, null, created.sourceKey(), StoragePaths.artefactThumbnailKey(
                        created.sessionId(), created.roomId(), created.artefactId(), created.version()));
    }

    public static ArtefactJob export(Event<ArtefactExportRequested> event) {
        ArtefactExportRequested requested = event.data();
        String type = "artefact.export.requested";
        requireSource(type, event.subject(), requested.artefactId(), requested.sessionId(), requested.roomId(),
                requested.version(), requested.bucket(), requested.sourceKey());
        if (requested.exportId() == null || requested.format() == null || requested.kind() == null
                || requested.title() == null || requested.title().isBlank()) {
            throw refused(type, "exportId, format, kind and title are required");
        }
        Integer width = requested.width();
        if (requested.format() == ExportFormat.PNG) {
            width = width == null ? ArtefactImages.DEFAULT_PNG_WIDTH : width;
            if (width < 1 || width > ArtefactImages.MAX_PNG_SIDE) {
                throw refused(type, "width " + width + " is not within 1.." + ArtefactImages.MAX_PNG_SIDE);
            }
        } else if (width != null) {
            throw refused(type, "a " + requested.format().value() + " export has no width");
        }
        String heading = requested.kind().label() + ": " + requested.title() + " — version " + requested.version();
        return new ArtefactJob(requested.artefactId(), requested.sessionId(), requested.roomId(), requested.version(),
                requested.exportId(), requested.format(), width, heading, requested.sourceKey(),
                StoragePaths.artefactExportKey(requested.sessionId(), requested.roomId(), requested.artefactId(),
                        requested.exportId(), requested.format().value()));
    }

    public boolean isThumbnail() {
        return exportId == null;
    }

    /** What the log and the failure say this job is. */
    public String describe() {
        return (isThumbnail() ? "thumbnail" : format.value() + " export " + exportId) + " of artefact " + artefactId
                + " v" + version;
    }

    public ArtefactRendered rendered(long bytes, int pictureWidth, int pictureHeight) {
        return new ArtefactRendered(artefactId, sessionId, roomId, version, exportId, format, Buckets.USER_UPLOADS,
                targetKey, bytes, pictureWidth, pictureHeight);
    }

    public ArtefactRenderFailed failed(String error) {
        return new ArtefactRenderFailed(artefactId, sessionId, roomId, version, exportId, error);
    }

    private static void requireSource(String type, String subject, UUID artefactId, UUID sessionId, UUID roomId,
            int version, String bucket, String sourceKey) {
        if (artefactId == null || sessionId == null || version < 1) {
            throw refused(type, "artefactId, sessionId and a version of at least 1 are required");
        }
        if (!artefactId.toString().equals(subject)) {
            throw refused(type, "the envelope's subject is not the artefact " + artefactId);
        }
        if (!Buckets.USER_UPLOADS.equals(bucket)) {
            throw refused(type, "bucket " + bucket + " is not " + Buckets.USER_UPLOADS);
        }
        if (!StoragePaths.isObjectIn(StoragePaths.artefactSourcesPrefix(sessionId, roomId, artefactId), sourceKey)) {
            throw refused(type, "source key " + sourceKey + " is not a source of artefact " + artefactId);
        }
    }

    private static PermanentEventFailure refused(String type, String reason) {
        return new PermanentEventFailure(type + " refused: " + reason);
    }
}
