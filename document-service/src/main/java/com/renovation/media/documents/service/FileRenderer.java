package com.renovation.media.documents.service;

import com.renovation.media.documents.config.DocumentConfig;
import com.renovation.media.documents.render.DocumentRenderer;
import com.renovation.media.documents.render.RenderRequest;
import com.renovation.media.documents.render.RenderedDocument;
import com.renovation.media.storage.s3.ObjectStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * Lays out one document into a temporary file, reading a room report's images from S3 one at a time: neither
 * the images nor the PDF are ever held whole in memory, whatever the report holds. Blocking (a worker thread).
 */
@ApplicationScoped
public class FileRenderer {

    private final DocumentRenderer renderer;
    private final ObjectStore objects;
    private final DocumentConfig config;

    public FileRenderer(DocumentRenderer renderer, ObjectStore objects, DocumentConfig config) {
        this.renderer = renderer;
        this.objects = objects;
        this.config = config;
    }

    /** A rendered document in a temporary file, which the caller deletes. */
    public record RenderedFile(Path file, long size, RenderedDocument document) {
    }

    public RenderedFile render(RenderRequest request, UUID sessionId, UUID roomId) {
        Path file;
        try {
            file = Files.createTempFile("document-", ".pdf");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            RenderedDocument document;
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024)) {
                document = renderer.render(request,
                        new S3ReportImages(objects, sessionId, roomId, config.maxImageBytes()), out);
            }
            return new RenderedFile(file, Files.size(file), document);
        } catch (IOException e) {
            delete(file);
            throw new UncheckedIOException(e);
        } catch (RuntimeException | Error e) {
            delete(file);
            throw e;
        }
    }

    public static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a leftover temporary file is removed with the container's /tmp
        }
    }
}
