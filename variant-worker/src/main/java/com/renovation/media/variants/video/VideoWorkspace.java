package com.renovation.media.variants.video;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * A folder of its own for one video's files (the source copied from S3, the poster, the web MP4), under the
 * worker's video folder, readable by this user only; closing it removes it with everything in it, whatever
 * happened.
 */
public final class VideoWorkspace implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(VideoWorkspace.class);

    private final Path folder;

    private VideoWorkspace(Path folder) {
        this.folder = folder;
    }

    public static VideoWorkspace open(Path root, String purpose) {
        try {
            Files.createDirectories(root);
            return new VideoWorkspace(Files.createTempDirectory(root, purpose + "-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))));
        } catch (IOException e) {
            throw new UncheckedIOException("could not make a folder for a video under " + root, e);
        }
    }

    public Path file(String name) {
        return folder.resolve(name);
    }

    /**
     * Copies the stream into the folder as {@code name}, reading at most {@code maxBytes}.
     *
     * @throws VideoRejectedException the stream holds more than {@code maxBytes}
     */
    public Path copy(InputStream source, String name, long maxBytes) {
        Path target = file(name);
        try (InputStream in = source; OutputStream out = Files.newOutputStream(target)) {
            byte[] buffer = new byte[256 * 1024];
            long total = 0;
            int read;
            while ((read = in.read(buffer)) >= 0) {
                total += read;
                if (total > maxBytes) {
                    throw new VideoRejectedException("the video is larger than " + maxBytes + " bytes");
                }
                out.write(buffer, 0, read);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("could not copy the video into " + target, e);
        }
    }

    @Override
    public void close() {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // the video's work is done either way: an operator sees the leftover and the reason
            LOG.warnf(e, "could not remove %s", folder);
        }
    }

    @Override
    public String toString() {
        return folder.toString();
    }
}
