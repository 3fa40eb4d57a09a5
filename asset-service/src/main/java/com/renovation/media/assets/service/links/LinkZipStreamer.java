package com.renovation.media.assets.service.links;

import com.renovation.media.storage.s3.ObjectStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.jboss.logging.Logger;

/**
 * Writes originals from S3 into a ZIP on a response stream, one object at a time through one small buffer: the
 * service holds neither a whole object nor the ZIP, in memory or on disk, however large the download. Blocking:
 * runs on a worker thread, which waits while the client is slower than S3.
 */
@ApplicationScoped
public class LinkZipStreamer {

    private static final Logger LOG = Logger.getLogger(LinkZipStreamer.class);
    private static final int BUFFER_BYTES = 64 * 1024;

    private final ObjectStore objects;

    public LinkZipStreamer(ObjectStore objects) {
        this.objects = objects;
    }

    public void write(List<ZipSource> files, OutputStream response) throws IOException {
        ZipEntryNames names = new ZipEntryNames();
        byte[] buffer = new byte[BUFFER_BYTES];
        try (ZipOutputStream zip = new ZipOutputStream(new KeepOpen(response))) {
            // photos, PDFs and videos are compressed already: deflating them again costs CPU and saves nothing
            zip.setLevel(Deflater.NO_COMPRESSION);
            for (ZipSource file : files) {
                InputStream in;
                try {
                    in = objects.openBlocking(file.bucket(), file.key());
                } catch (RuntimeException e) {
                    if (!ObjectStore.isNotFound(e)) {
                        throw e;
                    }
                    // deleted after the download was counted: the others still arrive
                    LOG.warnf("a ZIP download skips %s: the object is gone", file.key());
                    continue;
                }
                try (in) {
                    ZipEntry entry = new ZipEntry(names.next(file.filename()));
                    entry.setLastModifiedTime(FileTime.from(file.modified()));
                    zip.putNextEntry(entry);
                    for (int read; (read = in.read(buffer)) >= 0; ) {
                        zip.write(buffer, 0, read);
                    }
                    zip.closeEntry();
                }
            }
        }
    }

    /** The response stream is the framework's to close: the ZIP only finishes and flushes it. */
    private static final class KeepOpen extends FilterOutputStream {
        KeepOpen(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
