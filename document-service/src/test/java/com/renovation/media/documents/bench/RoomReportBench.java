package com.renovation.media.documents.bench;

import com.renovation.media.contracts.documents.DocumentType;
import com.renovation.media.contracts.documents.RoomReport;
import com.renovation.media.documents.PdfFacts;
import com.renovation.media.documents.render.DocumentRenderer;
import com.renovation.media.documents.render.PdfFonts;
import com.renovation.media.documents.render.RenderRequest;
import com.renovation.media.documents.render.ImageSource;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import javax.imageio.ImageIO;

/**
 * The room report renderer on its own, in its own JVM (bench/documents/run.sh):
 * {@code generate DIR N W H} writes N photo-like JPEGs; {@code render DIR OUT RUNS} renders a report of every
 * JPEG in DIR RUNS times (the first is cold: classes, fonts, JIT) and prints the times, the PDF's facts and the
 * process's peak resident memory (VmHWM).
 */
public final class RoomReportBench {

    private RoomReportBench() {
    }

    public static void main(String[] args) throws IOException {
        if (args[0].equals("generate")) {
            generate(Path.of(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]),
                    Integer.parseInt(args[4]));
        } else {
            render(Path.of(args[1]), Path.of(args[2]), Integer.parseInt(args[3]));
        }
    }

    private static void generate(Path dir, int count, int width, int height) throws IOException {
        Files.createDirectories(dir);
        for (int i = 0; i < count; i++) {
            Random random = new Random(i);
            BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = image.createGraphics();
            g.setPaint(new GradientPaint(0, 0, new Color(random.nextInt(0xFFFFFF)), width, height,
                    new Color(random.nextInt(0xFFFFFF))));
            g.fillRect(0, 0, width, height);
            for (int s = 0; s < 60; s++) {
                g.setColor(new Color(random.nextInt(0xFFFFFF)));
                g.fillRect(random.nextInt(width), random.nextInt(height), 20 + random.nextInt(width / 4),
                        20 + random.nextInt(height / 4));
            }
            g.dispose();
            for (int y = 0; y < height; y++) { // sensor-like noise, so the JPEG is the size of a real photo
                for (int x = 0; x < width; x++) {
                    int rgb = image.getRGB(x, y);
                    int n = random.nextInt(25) - 12;
                    int r = clamp(((rgb >> 16) & 0xFF) + n);
                    int gr = clamp(((rgb >> 8) & 0xFF) + n);
                    int b = clamp((rgb & 0xFF) + n);
                    image.setRGB(x, y, (r << 16) | (gr << 8) | b);
                }
            }
            ImageIO.write(image, "jpg", dir.resolve(String.format("photo_%02d.jpg", i)).toFile());
        }
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }

    private static void render(Path dir, Path out, int runs) throws IOException {
        long started = System.nanoTime();
        PdfFonts fonts = new PdfFonts(); // once per process, as the service's @Singleton does
        long fontsMs = (System.nanoTime() - started) / 1_000_000;
        DocumentRenderer renderer = new DocumentRenderer(fonts, Long.MAX_VALUE); // every photo, no size limit

        Map<String, byte[]> images = new HashMap<>();
        List<RoomReport.Image> list = new ArrayList<>();
        List<Path> files;
        try (var stream = Files.list(dir)) {
            files = stream.filter(p -> p.toString().endsWith(".jpg")).sorted().toList();
        }
        long inputBytes = 0;
        for (Path file : files) {
            String key = "bench/variants/" + file.getFileName();
            byte[] bytes = Files.readAllBytes(file);
            inputBytes += bytes.length;
            images.put(key, bytes);
            list.add(new RoomReport.Image(UUID.nameUUIDFromBytes(key.getBytes()), "photo",
                    "Photo " + file.getFileName(), "A photo of the kitchen", null, null,
                    new RoomReport.StoredObject("bench/" + file.getFileName(), "image/jpeg", null, null),
                    new RoomReport.StoredObject(key, "image/jpeg", null, null)));
        }
        RoomReport content = new RoomReport(null, new RoomReport.Room(null, "Kitchen", "kitchen"), list, List.of(),
                null);
        RenderRequest request = new RenderRequest(DocumentType.ROOM_REPORT, "Kitchen room report", "design", 1,
                content, Instant.now());

        ImageSource source = (key, limit) -> images.containsKey(key) ? new ImageSource.Found(images.get(key))
                : new ImageSource.Missing();
        List<Double> times = new ArrayList<>();
        byte[] pdf = null;
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            renderer.render(request, source, buffer);
            pdf = buffer.toByteArray();
            times.add((System.nanoTime() - t) / 1e6);
        }
        Files.write(out, pdf);
        PdfFacts facts = PdfFacts.of(pdf);
        List<Double> warm = new ArrayList<>(times.subList(1, times.size()));
        warm.sort(Double::compare);
        double median = warm.isEmpty() ? times.get(0) : warm.get(warm.size() / 2);
        System.out.printf("photos=%d input_bytes=%d pages=%d images_in_pdf=%d pdf_bytes=%d fonts_ms=%d"
                + " first_render_ms=%.1f warm_median_ms=%.1f warm_runs=%d vmhwm_kb=%d%n", files.size(), inputBytes,
                facts.pages(), facts.images(), pdf.length, fontsMs, times.get(0), median, warm.size(),
                vmHwmKb());
    }

    /** Peak resident set size of this process, from /proc/self/status. */
    private static long vmHwmKb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }
}
