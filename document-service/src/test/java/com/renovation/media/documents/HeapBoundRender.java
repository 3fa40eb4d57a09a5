package com.renovation.media.documents;

import com.renovation.media.documents.config.DocumentConfig;
import com.renovation.media.documents.render.DocumentRenderer;
import com.renovation.media.documents.render.PdfFonts;
import com.renovation.media.documents.render.RenderRequest;
import com.renovation.media.documents.service.FileRenderer;
import com.renovation.media.contracts.events.EventJson;
import com.renovation.media.contracts.events.payload.DocumentRequested;
import com.renovation.media.storage.s3.ObjectStore;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3AsyncClient;

/**
 * The render step of document-service on its own, for {@link RoomReportHeapIT}'s forked JVM: reads the
 * request, renders it from S3 with the service's own code and configuration defaults, moves the PDF out.
 * Arguments: S3 endpoint, region, access key, secret key, request JSON file, PDF file.
 */
public final class HeapBoundRender {

    private HeapBoundRender() {
    }

    public static void main(String[] args) throws Exception {
        try (S3AsyncClient s3 = S3AsyncClient.crtBuilder().endpointOverride(URI.create(args[0]))
                .region(Region.of(args[1])).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(args[2], args[3])))
                .build()) {
            DocumentConfig config = new SmallRyeConfigBuilder().withMapping(DocumentConfig.class)
                    .withConverter(Duration.class, 100, new DurationConverter()).build()
                    .getConfigMapping(DocumentConfig.class);
            DocumentRequested request = EventJson.MAPPER.readValue(Files.readString(Path.of(args[4])),
                    DocumentRequested.class);
            FileRenderer renderer = new FileRenderer(new DocumentRenderer(new PdfFonts(),
                    config.maxDocumentImageBytes()), new ObjectStore(s3), config);
            FileRenderer.RenderedFile rendered = renderer.render(new RenderRequest(request.documentType(),
                    request.title(), request.phase(), request.version(), request.content(), Instant.now()),
                    request.sessionId(), request.roomId());
            Files.move(rendered.file(), Path.of(args[5]), StandardCopyOption.REPLACE_EXISTING);
            System.out.println("pages=" + rendered.document().pageCount() + " images="
                    + rendered.document().imageCount() + " omitted=" + rendered.document().omittedImages().size());
        }
    }
}
