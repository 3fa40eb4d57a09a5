package com.renovation.media.catalog.seed;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Draws the sample catalog's images (src/main/resources/seed/{style}/{room}.jpg): a gradient wall, a floor and
 * a few furniture-like shapes in each style's palette, saved as small JPEGs. Deterministic, so re-running it
 * gives the same bytes. Run: {@code java -cp target/test-classes com.renovation.media.catalog.seed.SeedImageGenerator
 * src/main/resources/seed}.
 */
public final class SeedImageGenerator {

    public static final int WIDTH = 960;
    public static final int HEIGHT = 640;

    /** A style's colours: wall top/bottom, floor, two accents. */
    record Palette(String slug, Color wallTop, Color wallBottom, Color floor, Color accent, Color accent2) {
    }

    static final List<Palette> PALETTES = List.of(
            new Palette("modern-minimalist", new Color(0xF4F4F2), new Color(0xDCDDDA), new Color(0xC9B9A3),
                    new Color(0x2B2B2B), new Color(0x9AA5A8)),
            new Palette("industrial-chic", new Color(0x6E6A66), new Color(0x3F3B38), new Color(0x4A3B2F),
                    new Color(0xB5651D), new Color(0x1F1F1F)),
            new Palette("coastal-contemporary", new Color(0xE8F3F7), new Color(0xBFDCE6), new Color(0xE3D5BC),
                    new Color(0x2F6F8F), new Color(0xF2E9DC)));

    static final List<String> ROOMS = List.of("kitchen", "living_room", "bedroom");

    private SeedImageGenerator() {
    }

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : "src/main/resources/seed");
        for (Palette palette : PALETTES) {
            Path dir = Files.createDirectories(root.resolve(palette.slug()));
            for (String room : ROOMS) {
                Path file = dir.resolve(room.replace('_', '-') + ".jpg");
                Files.write(file, jpeg(draw(palette, room), 0.82f));
                System.out.println(file + " " + Files.size(file) + " bytes");
            }
        }
    }

    static BufferedImage draw(Palette p, String room) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        int horizon = HEIGHT * 2 / 3;
        g.setPaint(new GradientPaint(0, 0, p.wallTop(), 0, horizon, p.wallBottom()));
        g.fillRect(0, 0, WIDTH, horizon);
        g.setPaint(new GradientPaint(0, horizon, p.floor().brighter(), 0, HEIGHT, p.floor().darker()));
        g.fillRect(0, horizon, WIDTH, HEIGHT - horizon);
        // a window
        g.setColor(new Color(255, 255, 255, 170));
        g.fillRect(WIDTH - 300, 70, 200, 230);
        g.setColor(p.accent2());
        g.setStroke(new BasicStroke(8));
        g.drawRect(WIDTH - 300, 70, 200, 230);
        g.drawLine(WIDTH - 200, 70, WIDTH - 200, 300);
        switch (room) {
            case "kitchen" -> {
                g.setColor(p.accent());
                g.fillRect(60, horizon - 170, 520, 170); // counter
                g.setColor(p.accent2());
                g.fillRect(60, horizon - 185, 520, 18); // worktop
                g.fillRect(90, 90, 220, 110); // wall cabinet
                g.setColor(p.accent().darker());
                for (int x = 100; x < 560; x += 120) {
                    g.fillRect(x, horizon - 120, 8, 60); // handles
                }
            }
            case "living_room" -> {
                g.setColor(p.accent());
                g.fillRoundRect(90, horizon - 150, 470, 140, 40, 40); // sofa
                g.setColor(p.accent2());
                g.fillRoundRect(120, horizon - 200, 410, 80, 30, 30); // cushions
                g.fillOval(620, horizon + 20, 200, 60); // rug/table
                g.setColor(p.accent().brighter());
                g.fillRect(160, 80, 160, 110); // picture
            }
            default -> {
                g.setColor(p.accent2());
                g.fillRect(120, horizon - 110, 520, 130); // bed
                g.setColor(p.accent());
                g.fillRect(120, horizon - 230, 520, 120); // headboard
                g.setColor(Color.WHITE);
                g.fillRoundRect(160, horizon - 130, 150, 45, 20, 20); // pillows
                g.fillRoundRect(450, horizon - 130, 150, 45, 20, 20);
                g.setColor(p.accent().darker());
                g.fillOval(690, 120, 70, 70); // lamp
            }
        }
        g.dispose();
        return image;
    }

    static byte[] jpeg(BufferedImage image, float quality) throws IOException {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
        ImageWriter writer = writers.next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(quality);
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
