package com.renovation.media.variants.imaging;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * AVIF through the external {@code avifenc} (Debian libavif-bin 0.11.1): no AVIF encoder exists
 * for Java. Looked for once per process; where it is missing, AVIF variants are skipped.
 */
public final class AvifSupport {

    static final String BINARY = "avifenc";
    private static final long TIMEOUT_SECONDS = 120;

    private AvifSupport() {
    }

    public static boolean available() {
        return Detected.AVAILABLE;
    }

    /** Encodes via a lossless PNG in a private temp directory; avifenc keeps PNG alpha. */
    static byte[] encode(BufferedImage standard) throws IOException {
        if (!available()) {
            throw new IllegalStateException(BINARY + " is not on the PATH");
        }
        Path dir = Files.createTempDirectory("avifenc");
        try {
            Path png = dir.resolve("in.png");
            Path avif = dir.resolve("out.avif");
            Path log = dir.resolve("avifenc.log");
            writeFastPng(StandardImages.hasAlpha(standard) ? StandardImages.unpremultiplied(standard) : standard, png);
            List<String> command = List.of(BINARY, "-j", "1", "-s", "6", "--min", "20", "--max", "40",
                    "--ignore-exif", "--ignore-xmp", "--ignore-icc", png.toString(), avif.toString());
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            try {
                if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IOException(BINARY + " did not finish within " + TIMEOUT_SECONDS + " s");
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for " + BINARY, e);
            }
            if (process.exitValue() != 0 || !Files.exists(avif)) {
                throw new IOException(BINARY + " failed (exit " + process.exitValue() + "): " + Files.readString(log).strip());
            }
            return Files.readAllBytes(avif);
        } finally {
            deleteRecursively(dir);
        }
    }

    /** Uncompressed deflate: the PNG only lives for the next command, so spend no time squeezing it. */
    private static void writeFastPng(BufferedImage image, Path file) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(1.0f);
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort: a leftover temp file is not worth failing a variant for
        }
    }

    private static final class Detected {
        static final boolean AVAILABLE = detect();

        private static boolean detect() {
            String path = System.getenv("PATH");
            boolean onPath = path != null && Stream.of(path.split(File.pathSeparator))
                    .anyMatch(d -> !d.isEmpty() && Files.isExecutable(Path.of(d, BINARY)));
            if (!onPath) {
                return false;
            }
            try {
                Process process = new ProcessBuilder(BINARY, "--version").redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    return false;
                }
                return process.exitValue() == 0;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }
}
