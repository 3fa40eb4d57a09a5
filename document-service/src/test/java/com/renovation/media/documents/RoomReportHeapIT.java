package com.renovation.media.documents;

import com.renovation.media.storage.testing.NoisePhotos;
import static com.renovation.media.documents.TestDocuments.WAIT;
import static com.renovation.media.documents.TestDocuments.image;
import static com.renovation.media.documents.TestDocuments.photos;
import static com.renovation.media.documents.TestDocuments.report;
import static org.assertj.core.api.Assertions.assertThat;

import com.renovation.media.contracts.events.EventJson;
import com.renovation.media.contracts.events.payload.DocumentRequested;
import com.renovation.media.storage.layout.Buckets;
import com.renovation.media.storage.s3.ObjectStore;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * A room report of 50 large originals, rendered from the real S3 by the service's own render code in a JVM
 * given the heap document-service gets in production: deploy/ limits its container to 768 MiB and the image's
 * JAVA_OPTS give the heap 75 % of that (576 MiB); the launcher starts it with -Xmx512m. The render runs under
 * the smaller, with the image's -XX:+ExitOnOutOfMemoryError, so running out of heap fails the test.
 */
@QuarkusTest
class RoomReportHeapIT {

    static final String PRODUCTION_HEAP = "-Xmx512m";
    private static final int ORIGINALS = 50;

    @Inject
    ObjectStore objects;

    @Test
    void fiftyLargeOriginalsRenderWithinTheProductionHeap() throws Exception {
        UUID session = UUID.randomUUID();
        UUID room = UUID.randomUUID();
        byte[] photo = NoisePhotos.jpeg(3000, 2250, 0.95f, 42);
        assertThat(photo.length).isBetween(7_000_000, 10_000_000);
        List<String> images = new ArrayList<>();
        for (int i = 0; i < ORIGINALS; i++) {
            String key = photos(session, room) + i + "_large.jpg";
            objects.put(Buckets.USER_UPLOADS, key, photo, "image/jpeg").await().atMost(WAIT);
            images.add(image("a" + i, key, null, "Photo " + i));
        }
        DocumentRequested request = report(session, room, "Large originals", images);
        Path dir = Files.createTempDirectory("heap-render");
        Path requestFile = dir.resolve("request.json");
        Files.writeString(requestFile, EventJson.MAPPER.writeValueAsString(request));
        Path pdf = dir.resolve("report.pdf");

        Process render = fork(requestFile, pdf);
        boolean finished = render.waitFor(4, TimeUnit.MINUTES);
        String output = new String(render.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!finished) {
            render.destroyForcibly();
        }

        assertThat(finished).as("render finished").isTrue();
        assertThat(render.exitValue()).as("exit code of the render; its output:%n%s", output).isZero();
        PdfFacts facts = PdfFacts.of(Files.readAllBytes(pdf));
        assertThat(facts.images()).isBetween(1, ORIGINALS - 1);
        assertThat(facts.text()).contains("Large originals", "Photo 0", "size limit");
        assertThat(Files.size(pdf)).isLessThan(50L * 1024 * 1024);
    }

    private static Process fork(Path request, Path pdf) throws IOException {
        var config = ConfigProvider.getConfig();
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                PRODUCTION_HEAP, "-XX:+ExitOnOutOfMemoryError", "-Djava.awt.headless=true",
                "-cp", System.getProperty("java.class.path"), HeapBoundRender.class.getName(),
                config.getValue("quarkus.s3.endpoint-override", String.class),
                config.getValue("quarkus.s3.aws.region", String.class),
                config.getValue("quarkus.s3.aws.credentials.static-provider.access-key-id", String.class),
                config.getValue("quarkus.s3.aws.credentials.static-provider.secret-access-key", String.class),
                request.toString(), pdf.toString());
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }
}
