package com.renovation.media.documents;

import static com.renovation.media.documents.TestDocuments.OWNER;
import static com.renovation.media.documents.TestDocuments.WAIT;
import static com.renovation.media.documents.TestDocuments.awaitProcessed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.lowagie.text.pdf.PdfReader;
import com.renovation.media.contracts.artefacts.ArtefactKind;
import com.renovation.media.contracts.artefacts.ExportFormat;
import com.renovation.media.contracts.events.Topics;
import com.renovation.media.contracts.events.payload.ArtefactExportRequested;
import com.renovation.media.contracts.events.payload.ArtefactVersionCreated;
import com.renovation.media.contracts.events.payload.SessionDeleted;
import com.renovation.media.storage.layout.Buckets;
import com.renovation.media.storage.layout.StoragePaths;
import com.renovation.media.storage.s3.ObjectStore;
import com.renovation.media.storage.svg.SanitizedSvg;
import com.renovation.media.storage.svg.SvgLimits;
import com.renovation.media.storage.svg.SvgSanitizer;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * Thumbnails and exports of SVG artefacts on the real engines: a source put where asset-service puts it, the
 * event published as asset-service publishes it, and the picture read back from S3 as a client would.
 */
@QuarkusTest
class ArtefactRenderingIT {

    private static final int WHITE = 0xFFFFFF;

    @Inject
    ObjectStore objects;

    private final UUID session = UUID.randomUUID();
    private final UUID room = UUID.randomUUID();
    private final UUID artefact = UUID.randomUUID();

    @Test
    void aNewVersionGetsAThumbnailOfTheFixedSizeWithTheDrawingInTheMiddle() throws IOException {
        String source = putSource(2, floorPlan());

        Engines.publish(created(2, source));

        JsonNode rendered = outcome(Topics.ARTEFACT_RENDERED, null);
        String key = StoragePaths.artefactThumbnailKey(session, room, artefact, 2);
        assertThat(rendered.get("key").asText()).isEqualTo(key);
        assertThat(rendered.get("format").asText()).isEqualTo("png");
        assertThat(rendered.get("version").asInt()).isEqualTo(2);
        assertThat(rendered.get("width").asInt()).isEqualTo(400);
        assertThat(rendered.get("height").asInt()).isEqualTo(300);
        byte[] png = read(key).orElseThrow();
        assertThat(rendered.get("bytes").asLong()).isEqualTo(png.length);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(400);
        assertThat(image.getHeight()).isEqualTo(300);
        assertThat(rgb(image, 100, 150)).isNotEqualTo(WHITE);
        assertThat(rgb(image, 300, 150)).isNotEqualTo(WHITE);
        // the 2:1 drawing leaves white above and below it
        assertThat(rgb(image, 200, 10)).isEqualTo(WHITE);
        assertThat(objects.head(Buckets.USER_UPLOADS, key).await().atMost(WAIT).orElseThrow().contentType())
                .isEqualTo("image/png");
    }

    @Test
    void aPngExportHasTheRequestedWidthAndTheDrawingsAspect() throws IOException {
        String source = putSource(1, floorPlan());
        UUID export = UUID.randomUUID();

        Engines.publish(exportOf(export, ExportFormat.PNG, 1000, source));

        JsonNode rendered = outcome(Topics.ARTEFACT_RENDERED, export);
        String key = StoragePaths.artefactExportKey(session, room, artefact, export, "png");
        assertThat(rendered.get("key").asText()).isEqualTo(key);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(read(key).orElseThrow()));
        assertThat(image.getWidth()).isEqualTo(1000);
        assertThat(image.getHeight()).isEqualTo(500);
        assertThat(rendered.get("width").asInt()).isEqualTo(1000);
        assertThat(rendered.get("height").asInt()).isEqualTo(500);
    }

    @Test
    void aPdfExportIsOnePageWithTheTitleAndTheDrawingAsVectorPaths() throws IOException {
        String source = putSource(1, floorPlan());
        UUID export = UUID.randomUUID();

        Engines.publish(exportOf(export, ExportFormat.PDF, null, source));

        JsonNode rendered = outcome(Topics.ARTEFACT_RENDERED, export);
        String key = StoragePaths.artefactExportKey(session, room, artefact, export, "pdf");
        byte[] pdf = read(key).orElseThrow();
        PdfFacts facts = PdfFacts.of(pdf);
        assertThat(facts.pages()).isEqualTo(1);
        assertThat(facts.text()).contains("Floor plan: Ground floor — version 1");
        assertThat(facts.images()).isZero();
        PdfReader reader = new PdfReader(pdf);
        String content = new String(reader.getPageContent(1), StandardCharsets.ISO_8859_1);
        reader.close();
        assertThat(content).containsPattern("(?m) (m|l|c)$").containsPattern("(?m)^(f|S|B|f\\*)$");
        // landscape A4, in points
        assertThat(rendered.get("width").asInt()).isEqualTo(842);
        assertThat(rendered.get("height").asInt()).isEqualTo(595);
        assertThat(objects.head(Buckets.USER_UPLOADS, key).await().atMost(WAIT).orElseThrow().contentType())
                .isEqualTo("application/pdf");
    }

    @Test
    void anSvgExportIsTheSanitisedDrawingWhichSanitisesToItself() throws IOException {
        String source = putSource(1, floorPlan());
        UUID export = UUID.randomUUID();

        Engines.publish(exportOf(export, ExportFormat.SVG, null, source));

        JsonNode rendered = outcome(Topics.ARTEFACT_RENDERED, export);
        byte[] svg = read(StoragePaths.artefactExportKey(session, room, artefact, export, "svg")).orElseThrow();
        SanitizedSvg again = new SvgSanitizer(SvgLimits.DEFAULT).sanitize(svg);
        assertThat(again.content()).isEqualTo(svg);
        assertThat(again.text()).contains("Kitchen").contains("<rect");
        assertThat(rendered.get("width").asInt()).isEqualTo(1200);
        assertThat(rendered.get("height").asInt()).isEqualTo(600);
    }

    @Test
    void aForgedSourceKeyIsDeadLetteredAndNothingIsWritten() throws IOException {
        UUID victim = UUID.randomUUID();
        String victimsSource = StoragePaths.newArtefactSourceKey(victim, null, UUID.randomUUID(), 1);
        objects.put(Buckets.USER_UPLOADS, victimsSource, floorPlan(), "image/svg+xml").await().atMost(WAIT);

        Engines.publish(created(1, victimsSource));

        await().atMost(WAIT).until(() -> Engines.deadLettered(Topics.ARTEFACT_VERSION_CREATED,
                artefact.toString()) == 1);
        assertThat(read(StoragePaths.artefactThumbnailKey(session, room, artefact, 1))).isEmpty();
        assertThat(Engines.events(Topics.ARTEFACT_RENDERED, artefact.toString())).isEmpty();
    }

    @Test
    void aHostileSourceFailsWithTheReasonAndWritesNothing() {
        String source = putSource(1, ("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\">"
                + "<script>alert(document.cookie)</script><rect width=\"10\" height=\"10\"/></svg>")
                .getBytes(StandardCharsets.UTF_8));

        Engines.publish(created(1, source));

        JsonNode failed = outcome(Topics.ARTEFACT_RENDER_FAILED, null);
        assertThat(failed.get("error").asText()).contains("script");
        assertThat(failed.get("version").asInt()).isEqualTo(1);
        assertThat(read(StoragePaths.artefactThumbnailKey(session, room, artefact, 1))).isEmpty();
        assertThat(Engines.events(Topics.ARTEFACT_RENDERED, artefact.toString())).isEmpty();
    }

    @Test
    void aSourceOverTheSizeLimitFailsWithoutBeingRead() {
        byte[] huge = new byte[SvgLimits.DEFAULT.maxBytes() + 1];
        java.util.Arrays.fill(huge, (byte) ' ');
        String source = putSource(1, huge);

        Engines.publish(created(1, source));

        assertThat(outcome(Topics.ARTEFACT_RENDER_FAILED, null).get("error").asText()).contains("more than");
        assertThat(read(StoragePaths.artefactThumbnailKey(session, room, artefact, 1))).isEmpty();
    }

    @Test
    void aVersionOfAnErasedSessionIsNotRendered() throws IOException {
        String source = putSource(1, floorPlan());
        awaitProcessed(Engines.publish(new SessionDeleted(session, OWNER)));

        awaitProcessed(Engines.publish(created(1, source)));
        awaitProcessed(Engines.publish(exportOf(UUID.randomUUID(), ExportFormat.PNG, 200, source)));

        await().during(Duration.ofSeconds(3)).atMost(WAIT).until(() -> objects.list(Buckets.USER_UPLOADS,
                StoragePaths.artefactPrefix(session, room, artefact)).await().atMost(WAIT).equals(List.of(source)));
        assertThat(Engines.events(Topics.ARTEFACT_RENDERED, artefact.toString())).isEmpty();
        assertThat(Engines.events(Topics.ARTEFACT_RENDER_FAILED, artefact.toString())).isEmpty();
    }

    private ArtefactVersionCreated created(int version, String source) {
        return new ArtefactVersionCreated(artefact, session, room, OWNER, ArtefactKind.FLOORPLAN, "Ground floor",
                version, Buckets.USER_UPLOADS, source);
    }

    private ArtefactExportRequested exportOf(UUID export, ExportFormat format, Integer width, String source) {
        return new ArtefactExportRequested(export, artefact, session, room, OWNER, ArtefactKind.FLOORPLAN,
                "Ground floor", 1, format, width, Buckets.USER_UPLOADS, source);
    }

    private String putSource(int version, byte[] svg) {
        String key = StoragePaths.newArtefactSourceKey(session, room, artefact, version);
        objects.put(Buckets.USER_UPLOADS, key, svg, "image/svg+xml").await().atMost(WAIT);
        return key;
    }

    private Optional<byte[]> read(String key) {
        return objects.readIfPresent(Buckets.USER_UPLOADS, key).await().atMost(WAIT);
    }

    /** The first event on the topic about this test's artefact and the export (null: the thumbnail). */
    private JsonNode outcome(String topic, UUID export) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).until(() -> {
            found[0] = Engines.events(topic, artefact.toString()).stream()
                    .filter(data -> export == null ? !data.hasNonNull("exportId")
                            : export.toString().equals(data.path("exportId").asText()))
                    .findFirst().orElse(null);
            return found[0] != null;
        });
        return found[0];
    }

    private static byte[] floorPlan() throws IOException {
        try (InputStream in = ArtefactRenderingIT.class.getResourceAsStream("/artefacts/floorplan.svg")) {
            return in.readAllBytes();
        }
    }

    private static int rgb(BufferedImage image, int x, int y) {
        return image.getRGB(x, y) & 0xFFFFFF;
    }
}
