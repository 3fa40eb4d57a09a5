package com.renovation.media.variants.imaging;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * HEIC and AVIF files encoded at test time by Debian's {@code heif-enc} (libheif with x265 and aom; package
 * libheif-examples, the same as the decoder's): no binary fixture is kept in the repository.
 */
public final class HeifFixtures {

    private HeifFixtures() {
    }

    /** Red on the top half, blue on the bottom: which way up a picture came out is plain to see. */
    public static BufferedImage redOverBlue(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, width, height / 2);
        g.setColor(Color.BLUE);
        g.fillRect(0, height / 2, width, height - height / 2);
        g.dispose();
        return image;
    }

    /** HEVC in HEIF, quality 90. */
    public static byte[] heic(BufferedImage image) {
        return encode(List.of(TestImages.png(image)), "png", false);
    }

    /** AV1 in HEIF, quality 90. */
    public static byte[] avif(BufferedImage image) {
        return encode(List.of(TestImages.png(image)), "png", true);
    }

    /** A HEIC whose EXIF says {@code orientation}, as a camera that also writes irot leaves it. */
    public static byte[] heicWithExifOrientation(BufferedImage stored, int orientation) {
        return encode(List.of(CraftedFiles.jpegWithExif(stored, orientation)), "jpg", false);
    }

    /** One HEIC holding each picture as a top-level image; the first is the primary one. */
    public static byte[] heicOfSeveral(BufferedImage... images) {
        List<byte[]> pngs = new ArrayList<>();
        for (BufferedImage image : images) {
            pngs.add(TestImages.png(image));
        }
        return encode(pngs, "png", false);
    }

    private static byte[] encode(List<byte[]> inputs, String extension, boolean avif) {
        Path directory = null;
        try {
            directory = Files.createTempDirectory("heif-fixture-");
            // the encoders' fastest settings: fixtures are made on every run
            List<String> command = new ArrayList<>(List.of("heif-enc", "-q", "90"));
            command.addAll(avif ? List.of("-A", "-p", "speed=9") : List.of("-p", "preset=ultrafast"));
            Path output = directory.resolve(avif ? "out.avif" : "out.heic");
            command.addAll(List.of("-o", output.toString()));
            for (int i = 0; i < inputs.size(); i++) {
                Path input = directory.resolve("in" + i + "." + extension);
                Files.write(input, inputs.get(i));
                command.add(input.toString());
            }
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String said = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("heif-enc failed: " + said);
            }
            return Files.readAllBytes(output);
        } catch (IOException e) {
            throw new UncheckedIOException("heif-enc (Debian package libheif-examples) could not run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            if (directory != null) {
                try (Stream<Path> files = Files.walk(directory)) {
                    for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(path);
                    }
                } catch (IOException ignored) {
                    // a temp directory of the test JVM
                }
            }
        }
    }
}
