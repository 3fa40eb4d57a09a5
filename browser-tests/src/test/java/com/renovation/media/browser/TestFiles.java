package com.renovation.media.browser;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Files a user would pick: photos, PDFs, a walk-through video, and a web page renamed to look like one. */
final class TestFiles {

    private TestFiles() {
    }

    static Path photo(Path dir, String name, Color from, Color to) throws IOException {
        BufferedImage image = new BufferedImage(1200, 800, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, from, 1200, 800, to));
        g.fillRect(0, 0, 1200, 800);
        g.setColor(Color.WHITE);
        g.fillRect(500, 300, 200, 200);
        g.dispose();
        Path file = dir.resolve(name);
        ImageIO.write(image, "jpg", file.toFile());
        return file;
    }

    /** A scanned survey as a PDF of {@code megabytes} MiB: large enough to travel in parts. */
    static Path largePdf(Path dir, String name, int megabytes) throws IOException {
        StringBuilder body = new StringBuilder("%PDF-1.7\n");
        long size = megabytes * 1024L * 1024L;
        for (int line = 0; body.length() < size - 64; line++) {
            body.append("% page scan data, line ").append(line).append('\n');
        }
        body.append("%%EOF\n");
        Path file = dir.resolve(name);
        Files.writeString(file, body, StandardCharsets.US_ASCII);
        return file;
    }

    /** A photo of several megabytes (noise does not compress), so its upload takes a while on a slow link. */
    static Path largePhoto(Path dir, String name) throws IOException {
        BufferedImage image = new BufferedImage(3000, 2000, BufferedImage.TYPE_INT_RGB);
        java.util.Random random = new java.util.Random(42);
        for (int y = 0; y < 2000; y++) {
            for (int x = 0; x < 3000; x++) {
                int shade = 90 + (x * 120 / 3000) + random.nextInt(40);
                image.setRGB(x, y, new Color(shade, Math.min(255, shade + 20), Math.min(255, shade + 50)).getRGB());
            }
        }
        Path file = dir.resolve(name);
        ImageIO.write(image, "jpg", file.toFile());
        return file;
    }

    /**
     * A site walk-through as a phone records it: {@code seconds} of H.264 video (1280×720) with AAC sound, made by
     * Debian's ffmpeg from its test pattern and a tone.
     */
    static Path walkThrough(Path dir, String name, int seconds) throws IOException, InterruptedException {
        Path file = dir.resolve(name);
        Process ffmpeg = new ProcessBuilder("ffmpeg", "-nostdin", "-v", "error", "-y",
                "-f", "lavfi", "-i", "testsrc2=duration=" + seconds + ":size=1280x720:rate=30",
                "-f", "lavfi", "-i", "sine=frequency=440:duration=" + seconds,
                "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest",
                file.toString()).redirectErrorStream(true).start();
        String output = new String(ffmpeg.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (ffmpeg.waitFor() != 0) {
            throw new IOException("ffmpeg could not make the test video: " + output);
        }
        return file;
    }

    /** A phone's photo: {@code jpeg} as HEIC (HEVC in HEIF), encoded by Debian's heif-enc (libheif-examples). */
    static Path heic(Path dir, String name, Path jpeg) throws IOException, InterruptedException {
        Path file = dir.resolve(name);
        Process encoder = new ProcessBuilder("heif-enc", "-q", "80", "-p", "preset=ultrafast", "-o", file.toString(),
                jpeg.toString()).redirectErrorStream(true).start();
        String output = new String(encoder.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (encoder.waitFor() != 0) {
            throw new IOException("heif-enc could not make the test photo: " + output);
        }
        return file;
    }

    static Path htmlNamedLikeAPhoto(Path dir) throws IOException {
        Path file = dir.resolve("holiday.jpg");
        Files.writeString(file, "<!DOCTYPE html><html><body><script>alert(1)</script></body></html>\n",
                StandardCharsets.UTF_8);
        return file;
    }

    /** A floor plan as a planning tool would save it: walls, a door arc, a room label; {@code fill} tells versions apart. */
    static Path floorPlan(Path dir, String name, String label, String fill) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, """
                <?xml version="1.0" encoding="UTF-8"?>
                <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 800 600" width="800" height="600">
                  <title>%s</title>
                  <rect x="40" y="40" width="720" height="520" fill="%s" stroke="#222" stroke-width="12"/>
                  <line x1="400" y1="40" x2="400" y2="360" stroke="#222" stroke-width="8"/>
                  <path d="M 400 360 A 80 80 0 0 1 480 440" fill="none" stroke="#555" stroke-width="3"/>
                  <text x="200" y="300" font-size="36" fill="#222">%s</text>
                </svg>
                """.formatted(label, fill, label), StandardCharsets.UTF_8);
        return file;
    }
}
