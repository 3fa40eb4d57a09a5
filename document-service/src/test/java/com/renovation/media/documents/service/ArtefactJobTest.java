package com.renovation.media.documents.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.renovation.media.contracts.artefacts.ArtefactKind;
import com.renovation.media.contracts.artefacts.ExportFormat;
import com.renovation.media.contracts.events.Event;
import com.renovation.media.contracts.events.Topics;
import com.renovation.media.contracts.events.payload.ArtefactExportRequested;
import com.renovation.media.contracts.events.payload.ArtefactVersionCreated;
import com.renovation.media.messaging.consumer.PermanentEventFailure;
import com.renovation.media.storage.layout.Buckets;
import com.renovation.media.storage.layout.StoragePaths;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ArtefactJobTest {

    private final UUID session = UUID.randomUUID();
    private final UUID room = UUID.randomUUID();
    private final UUID artefact = UUID.randomUUID();
    private final String source = StoragePaths.newArtefactSourceKey(session, room, artefact, 3);

    @Test
    void aThumbnailIsWrittenAtTheVersionsComputedKey() {
        ArtefactJob job = ArtefactJob.thumbnail(created(Buckets.USER_UPLOADS, source, artefact.toString()));

        assertThat(job.isThumbnail()).isTrue();
        assertThat(job.format()).isEqualTo(ExportFormat.PNG);
        assertThat(job.targetKey()).isEqualTo(StoragePaths.artefactThumbnailKey(session, room, artefact, 3));
        assertThat(job.rendered(10, 400, 300).key()).isEqualTo(job.targetKey());
        assertThat(job.rendered(10, 400, 300).exportId()).isNull();
    }

    @Test
    void aSourceOutsideTheArtefactsSourcesFolderIsRefused() {
        UUID other = UUID.randomUUID();
        for (String forged : new String[] {
                StoragePaths.newArtefactSourceKey(session, room, other, 3),
                StoragePaths.newArtefactSourceKey(UUID.randomUUID(), room, artefact, 3),
                StoragePaths.newArtefactSourceKey(session, null, artefact, 3),
                StoragePaths.artefactSourcesPrefix(session, room, artefact) + "../thumbnails/v1.png",
                StoragePaths.artefactSourcesPrefix(session, room, artefact) + "sub/v1.svg",
                StoragePaths.artefactSourcesPrefix(session, room, artefact),
                StoragePaths.artefactThumbnailKey(session, room, artefact, 3),
                null}) {
            assertThatThrownBy(() -> ArtefactJob.thumbnail(created(Buckets.USER_UPLOADS, forged, artefact.toString())))
                    .as(forged).isInstanceOf(PermanentEventFailure.class).hasMessageContaining("source key");
        }
    }

    @Test
    void anotherBucketOrAnotherSubjectIsRefused() {
        assertThatThrownBy(() -> ArtefactJob.thumbnail(created("styles", source, artefact.toString())))
                .isInstanceOf(PermanentEventFailure.class).hasMessageContaining("bucket");
        assertThatThrownBy(() -> ArtefactJob.thumbnail(created(Buckets.USER_UPLOADS, source,
                UUID.randomUUID().toString()))).isInstanceOf(PermanentEventFailure.class)
                .hasMessageContaining("subject");
    }

    @Test
    void anExportIsWrittenAtItsComputedKeyWithItsHeading() {
        UUID export = UUID.randomUUID();
        ArtefactJob job = ArtefactJob.export(requested(export, ExportFormat.PDF, null));

        assertThat(job.targetKey()).isEqualTo(StoragePaths.artefactExportKey(session, room, artefact, export, "pdf"));
        assertThat(job.heading()).isEqualTo("Floor plan: Ground floor — version 3");
        assertThat(job.failed("why").exportId()).isEqualTo(export);
    }

    @Test
    void aPngExportWithoutWidthHasTheDefaultWidth() {
        assertThat(ArtefactJob.export(requested(UUID.randomUUID(), ExportFormat.PNG, null)).width()).isEqualTo(1600);
        assertThat(ArtefactJob.export(requested(UUID.randomUUID(), ExportFormat.PNG, 4096)).width()).isEqualTo(4096);
    }

    @Test
    void widthsOutOfRangeOrOnOtherFormatsAreRefused() {
        for (Integer width : new Integer[] {0, -1, 4097, Integer.MAX_VALUE}) {
            assertThatThrownBy(() -> ArtefactJob.export(requested(UUID.randomUUID(), ExportFormat.PNG, width)))
                    .isInstanceOf(PermanentEventFailure.class).hasMessageContaining("width");
        }
        assertThatThrownBy(() -> ArtefactJob.export(requested(UUID.randomUUID(), ExportFormat.SVG, 100)))
                .isInstanceOf(PermanentEventFailure.class).hasMessageContaining("no width");
    }

    private Event<ArtefactVersionCreated> created(String bucket, String key, String subject) {
        return new Event<>(UUID.randomUUID(), Topics.ARTEFACT_VERSION_CREATED, "asset-service", Instant.now(), subject,
                new ArtefactVersionCreated(artefact, session, room, "user-1", ArtefactKind.FLOORPLAN, "Ground floor", 3,
                        bucket, key));
    }

    private Event<ArtefactExportRequested> requested(UUID export, ExportFormat format, Integer width) {
        return new Event<>(UUID.randomUUID(), Topics.ARTEFACT_EXPORT_REQUESTED, "asset-service", Instant.now(),
                artefact.toString(), new ArtefactExportRequested(export, artefact, session, room, "user-1",
                        ArtefactKind.FLOORPLAN, "Ground floor", 3, format, width, Buckets.USER_UPLOADS, source));
    }
}
