package com.renovation.media.assets.service.artefacts;

import com.renovation.media.assets.repository.Artefact;
import com.renovation.media.assets.repository.ArtefactExport;
import com.renovation.media.assets.repository.ArtefactVersion;
import com.renovation.media.assets.repository.RenderStatus;
import com.renovation.media.assets.rest.dto.ArtefactVersionView;
import com.renovation.media.assets.rest.dto.ArtefactView;
import com.renovation.media.assets.rest.dto.ExportView;
import com.renovation.media.contracts.artefacts.ExportFormat;
import com.renovation.media.storage.layout.Buckets;
import com.renovation.media.storage.s3.PresignedUrls;
import com.renovation.media.storage.s3.StorageConfig;
import jakarta.enterprise.context.ApplicationScoped;

/** Artefacts, versions and exports as the API shows them, with their signed URLs once there is an object. */
@ApplicationScoped
public class ArtefactViews {

    private final PresignedUrls urls;
    private final StorageConfig storage;

    public ArtefactViews(PresignedUrls urls, StorageConfig storage) {
        this.urls = urls;
        this.storage = storage;
    }

    public ArtefactView artefact(Artefact artefact, ArtefactVersion latest) {
        return ArtefactView.of(artefact, latest, thumbnailUrl(artefact, latest));
    }

    /** {@code content} null: the version as a list shows it. */
    public ArtefactVersionView version(Artefact artefact, ArtefactVersion version, String content) {
        return ArtefactVersionView.of(version, thumbnailUrl(artefact, version), content);
    }

    /** A ready export downloads as an attachment, whatever its type (an SVG is never shown inline). */
    public ExportView export(Artefact artefact, ArtefactExport export) {
        if (export.status != RenderStatus.READY || export.storageKey == null) {
            return ExportView.of(export, null);
        }
        String name = artefact.kind.value() + "_v" + export.version + "." + export.format.value();
        return ExportView.of(export, urls.attachment(Buckets.USER_UPLOADS, export.storageKey, name,
                storage.downloadUrlTtl()).url());
    }

    private String thumbnailUrl(Artefact artefact, ArtefactVersion version) {
        if (version.thumbnailStatus != RenderStatus.READY || version.thumbnailKey == null) {
            return null;
        }
        return urls.download(Buckets.USER_UPLOADS, version.thumbnailKey,
                artefact.kind.value() + "_v" + version.version + "_thumbnail.png", ExportFormat.PNG.contentType())
                .url();
    }
}
