package com.renovation.media.assets.service.artefacts;

import com.renovation.media.assets.config.ArtefactConfig;
import com.renovation.media.assets.repository.ArtefactExport;
import com.renovation.media.assets.repository.ArtefactExportRepository;
import com.renovation.media.assets.repository.ArtefactVersionRepository;
import com.renovation.media.assets.repository.RenderStatus;
import com.renovation.media.assets.rest.dto.ArtefactRequests.RequestExport;
import com.renovation.media.assets.rest.dto.ExportView;
import com.renovation.media.assets.service.audit.AuditedChanges;
import com.renovation.media.assets.service.sessions.Access;
import com.renovation.media.contracts.artefacts.ArtefactImages;
import com.renovation.media.contracts.artefacts.ExportFormat;
import com.renovation.media.contracts.events.payload.ArtefactExportRequested;
import com.renovation.media.messaging.outbox.Outbox;
import com.renovation.media.storage.layout.Buckets;
import com.renovation.media.web.problem.ApiException;
import com.renovation.media.web.security.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/**
 * Exports of artefact versions: recorded as pending and announced to document-service in one transaction; the
 * outcome arrives through {@link ArtefactRenders}. Reading an artefact is enough to export it (admins may).
 */
@AuditedChanges
@ApplicationScoped
public class ArtefactExports {

    private final ArtefactExportRepository exports;
    private final ArtefactVersionRepository versions;
    private final ArtefactAccess artefactAccess;
    private final ArtefactViews views;
    private final Outbox outbox;
    private final ArtefactConfig config;

    public ArtefactExports(ArtefactExportRepository exports, ArtefactVersionRepository versions,
            ArtefactAccess artefactAccess, ArtefactViews views, Outbox outbox, ArtefactConfig config) {
        this.exports = exports;
        this.versions = versions;
        this.artefactAccess = artefactAccess;
        this.views = views;
        this.outbox = outbox;
        this.config = config;
    }

    @WithTransaction
    public Uni<ExportView> request(Caller caller, UUID artefactId, RequestExport request) {
        Integer width = width(request.format(), request.width());
        return artefactAccess.artefact(artefactId, caller, Access.Mode.READ).chain(artefact -> {
            int number = request.version() == null ? artefact.latestVersion : request.version();
            return versions.find(artefactId, number).chain(version -> {
                if (version == null) {
                    return versions.numbers(artefactId).<ExportView>map(kept -> {
                        throw ApiException.invalid("version", "version " + number + " is not kept; versions kept: "
                                + kept);
                    });
                }
                ArtefactExport export = new ArtefactExport();
                export.id = UUID.randomUUID();
                export.artefactId = artefactId;
                export.version = number;
                export.format = request.format();
                export.width = width;
                export.status = RenderStatus.PENDING;
                export.requestedBy = caller.userId();
                export.createdAt = Instant.now();
                export.expiresAt = export.createdAt.plus(config.exportTtl());
                return exports.persist(export)
                        .call(() -> outbox.add(new ArtefactExportRequested(export.id, artefactId, artefact.sessionId,
                                artefact.roomId, artefact.ownerId, artefact.kind, artefact.title, number,
                                export.format, width, Buckets.USER_UPLOADS, version.sourceKey)))
                        .map(saved -> views.export(artefact, export));
            });
        });
    }

    /** An export past its expiry is gone for the API at once, before the job removes it. */
    @WithSession
    public Uni<ExportView> get(Caller caller, UUID id) {
        return exports.findById(id).chain(export -> {
            if (export == null || !export.expiresAt.isAfter(Instant.now())) {
                throw ApiException.notFound("export " + id);
            }
            return artefactAccess.artefact(export.artefactId, caller, Access.Mode.READ)
                    .onFailure(ApiException.class).transform(e -> ApiException.notFound("export " + id))
                    .map(artefact -> views.export(artefact, export));
        });
    }

    /** A PNG's width (default {@link ArtefactImages#DEFAULT_PNG_WIDTH}); PDF and SVG take none. */
    private static Integer width(ExportFormat format, Integer width) {
        if (format != ExportFormat.PNG) {
            if (width != null) {
                throw ApiException.invalid("width", "goes only with png");
            }
            return null;
        }
        if (width == null) {
            return ArtefactImages.DEFAULT_PNG_WIDTH;
        }
        if (width < 1 || width > ArtefactImages.MAX_PNG_SIDE) {
            throw ApiException.invalid("width", "must be between 1 and " + ArtefactImages.MAX_PNG_SIDE);
        }
        return width;
    }
}
