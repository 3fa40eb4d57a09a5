package com.renovation.media.assets.service.artefacts;

import com.renovation.media.assets.repository.Artefact;
import com.renovation.media.assets.repository.ArtefactExport;
import com.renovation.media.assets.repository.ArtefactExportRepository;
import com.renovation.media.assets.repository.ArtefactRepository;
import com.renovation.media.assets.repository.ArtefactVersionRepository;
import com.renovation.media.assets.repository.RenderStatus;
import com.renovation.media.assets.rest.dto.LiveChanges;
import com.renovation.media.assets.service.live.LiveEventKind;
import com.renovation.media.assets.service.live.LiveEvents;
import com.renovation.media.contracts.artefacts.ExportFormat;
import com.renovation.media.contracts.events.payload.ArtefactRenderFailed;
import com.renovation.media.contracts.events.payload.ArtefactRendered;
import com.renovation.media.messaging.consumer.PermanentEventFailure;
import com.renovation.media.storage.layout.Buckets;
import com.renovation.media.storage.layout.StoragePaths;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Applies document-service's thumbnails and exports to the versions and exports, inside the consumer's
 * transaction. The key of a rendered object must be exactly the one this service computes for it (anything else
 * goes to the dead-letter topic: it would be signed for the owner). A render whose artefact, version or export is
 * gone (deleted, dropped by the plan, expired) answers its key, which the consumer deletes after the commit.
 */
@ApplicationScoped
public class ArtefactRenders {

    private static final int MAX_ERROR = 1000;

    private final ArtefactRepository artefacts;
    private final ArtefactVersionRepository versions;
    private final ArtefactExportRepository exports;
    private final LiveEvents live;

    public ArtefactRenders(ArtefactRepository artefacts, ArtefactVersionRepository versions,
            ArtefactExportRepository exports, LiveEvents live) {
        this.artefacts = artefacts;
        this.versions = versions;
        this.exports = exports;
        this.live = live;
    }

    /** The key of an object nothing refers to any more (to delete after the commit), or empty. */
    public Uni<Optional<String>> rendered(ArtefactRendered event) {
        String expected = expectedKey(event.sessionId(), event.roomId(), event.artefactId(), event.version(),
                event.exportId(), event.format());
        if (!Buckets.USER_UPLOADS.equals(event.bucket()) || !expected.equals(event.key())
                || (event.thumbnail() && event.format() != ExportFormat.PNG)) {
            throw new PermanentEventFailure("artefact render " + event.bucket() + "/" + event.key()
                    + " is not the object its ids name (" + expected + ")");
        }
        return artefacts.findById(event.artefactId()).chain(artefact -> {
            if (artefact == null) {
                return orphan(event.key());
            }
            checkOwnPlace(artefact, event.sessionId(), event.roomId());
            return event.thumbnail() ? thumbnailReady(artefact, event) : exportReady(artefact, event);
        });
    }

    public Uni<Void> failed(ArtefactRenderFailed event) {
        return artefacts.findById(event.artefactId()).chain(artefact -> {
            if (artefact == null) {
                return Uni.createFrom().voidItem();
            }
            checkOwnPlace(artefact, event.sessionId(), event.roomId());
            String error = event.error() == null ? "rendering failed"
                    : event.error().substring(0, Math.min(event.error().length(), MAX_ERROR));
            if (event.thumbnail()) {
                return versions.find(artefact.id, event.version()).chain(version -> {
                    if (version == null || version.thumbnailStatus == RenderStatus.READY) {
                        return Uni.createFrom().voidItem();
                    }
                    version.thumbnailStatus = RenderStatus.FAILED;
                    version.thumbnailError = error;
                    return live.add(artefact.sessionId, LiveEventKind.ARTEFACT_CHANGED, new LiveChanges
                            .ArtefactChange(artefact.id, artefact.sessionId, artefact.roomId, version.version,
                                    version.thumbnailStatus));
                });
            }
            return exports.findById(event.exportId()).chain(export -> {
                if (export == null || !export.artefactId.equals(artefact.id) || export.status == RenderStatus.READY) {
                    return Uni.createFrom().voidItem();
                }
                export.status = RenderStatus.FAILED;
                export.error = error;
                return exportChanged(artefact, export);
            });
        });
    }

    private Uni<Optional<String>> thumbnailReady(Artefact artefact, ArtefactRendered event) {
        return versions.find(artefact.id, event.version()).chain(version -> {
            if (version == null) {
                return orphan(event.key());
            }
            version.thumbnailStatus = RenderStatus.READY;
            version.thumbnailKey = event.key();
            version.thumbnailError = null;
            return live.add(artefact.sessionId, LiveEventKind.ARTEFACT_CHANGED, new LiveChanges.ArtefactChange(
                    artefact.id, artefact.sessionId, artefact.roomId, version.version, version.thumbnailStatus))
                    .replaceWith(Optional.<String>empty());
        });
    }

    private Uni<Optional<String>> exportReady(Artefact artefact, ArtefactRendered event) {
        return exports.findById(event.exportId()).chain(export -> {
            if (export == null) {
                return orphan(event.key());
            }
            if (!export.artefactId.equals(artefact.id) || export.version != event.version()
                    || export.format != event.format()) {
                throw new PermanentEventFailure("export " + export.id + " is version " + export.version + " as "
                        + export.format.value() + " of artefact " + export.artefactId + ", not what the event says");
            }
            export.status = RenderStatus.READY;
            export.storageKey = event.key();
            export.bytes = event.bytes();
            export.error = null;
            return exportChanged(artefact, export).replaceWith(Optional.<String>empty());
        });
    }

    private Uni<Void> exportChanged(Artefact artefact, ArtefactExport export) {
        return live.add(artefact.sessionId, LiveEventKind.EXPORT_CHANGED,
                new LiveChanges.ExportChange(export.id, artefact.id, export.status));
    }

    private static Uni<Optional<String>> orphan(String key) {
        return Uni.createFrom().item(Optional.of(key));
    }

    /** The ids of the event name the artefact's own session and room, or the event is not about it. */
    private static void checkOwnPlace(Artefact artefact, UUID sessionId, UUID roomId) {
        if (!artefact.sessionId.equals(sessionId) || !Objects.equals(artefact.roomId, roomId)) {
            throw new PermanentEventFailure("artefact " + artefact.id + " is not in session " + sessionId
                    + (roomId == null ? "" : " room " + roomId));
        }
    }

    private static String expectedKey(UUID sessionId, UUID roomId, UUID artefactId, int version, UUID exportId,
            ExportFormat format) {
        if (sessionId == null || artefactId == null || format == null) {
            throw new PermanentEventFailure("an artefact render without its session, artefact or format");
        }
        return exportId == null ? StoragePaths.artefactThumbnailKey(sessionId, roomId, artefactId, version)
                : StoragePaths.artefactExportKey(sessionId, roomId, artefactId, exportId, format.value());
    }
}
