package com.renovation.media.variants.imaging;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.plugins.jpeg.JPEGImageWriteParam;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Random;

/** Test images made in code (no binary fixtures): pixels, and plain JPEG/PNG encodings of them. */
final class TestImages {

    private TestImages() {
    }

    /** Smooth colour gradients plus a little noise: compresses and resizes like a photo. */
    static BufferedImage photoLike(int width, int height, long seed) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        byte[] data = ((java.awt.image.DataBufferByte) image.getRaster().getDataBuffer()).getData();
        Random random = new Random(seed);
        int i = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int noise = random.nextInt(17) - 8;
                data[i++] = clamp(255 * y / height + noise);                   // blue
                data[i++] = clamp(128 + (int) (100 * Math.sin(x * 0.01 + y * 0.02)) + noise); // green
                data[i++] = clamp(255 * x / width + noise);                    // red
            }
        }
        return image;
    }

    /** Four flat quadrants (red, green, blue, yellow clockwise from top-left) to tell orientations apart. */
    static BufferedImage quadrants(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, width / 2, height / 2);
        g.setColor(Color.GREEN);
        g.fillRect(width / 2, 0, width - width / 2, height / 2);
        g.setColor(Color.YELLOW);
        g.fillRect(0, height / 2, width / 2, height - height / 2);
        g.setColor(Color.BLUE);
        g.fillRect(width / 2, height / 2, width - width / 2, height - height / 2);
        g.dispose();
        return image;
    }

    static BufferedImage solid(int width, int height, Color color, int imageType) {
        BufferedImage image = new BufferedImage(width, height, imageType);
        Graphics2D g = image.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, width, height);
        g.dispose();
        return image;
    }

    static byte[] jpeg(BufferedImage image) {
        return jpeg(image, false);
    }

    static byte[] jpeg(BufferedImage image, boolean progressive) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try {
            JPEGImageWriteParam param = new JPEGImageWriteParam(Locale.ROOT);
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.92f);
            param.setProgressiveMode(progressive ? ImageWriteParam.MODE_DEFAULT : ImageWriteParam.MODE_DISABLED);
            return write(writer, new IIOImage(image, null,
                    writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), param)), param);
        } finally {
            writer.dispose();
        }
    }

    static byte[] png(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        try {
            return write(writer, new IIOImage(image, null, null), null);
        } finally {
            writer.dispose();
        }
    }

    static byte[] write(ImageWriter writer, IIOImage image, ImageWriteParam param) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, image, param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** WebP through webp-imageio's encoder (lossy q80 or lossless): a source the worker did not make. */
    static byte[] webp(BufferedImage image, boolean lossless) {
        ImageWriter writer;
        try {
            writer = new com.luciad.imageio.webp.WebPImageWriterSpi().createWriterInstance();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            com.luciad.imageio.webp.WebPWriteParam param = new com.luciad.imageio.webp.WebPWriteParam(Locale.ROOT);
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionType(param.getCompressionTypes()[lossless
                    ? com.luciad.imageio.webp.WebPWriteParam.LOSSLESS_COMPRESSION
                    : com.luciad.imageio.webp.WebPWriteParam.LOSSY_COMPRESSION]);
            if (!lossless) {
                param.setCompressionQuality(0.8f);
            }
            return write(writer, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
    }

    /** Any of the formats the worker reads or writes, WebP through TwelveMonkeys' pure-Java reader. */
    static BufferedImage read(byte[] bytes) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
            if (image == null) {
                throw new IllegalStateException("no reader for these bytes");
            }
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** 16 bits per channel RGB, every pixel the given 16-bit colour. */
    static BufferedImage rgb16(int width, int height, int r, int g, int b) {
        ComponentColorModel model = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB),
                new int[]{16, 16, 16}, false, false, java.awt.Transparency.OPAQUE, DataBuffer.TYPE_USHORT);
        WritableRaster raster = model.createCompatibleWritableRaster(width, height);
        int[] pixel = {r, g, b};
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                raster.setPixel(x, y, pixel);
            }
        }
        return new BufferedImage(model, raster, false, null);
    }

    /** A 4-colour palette image whose index 0 is fully transparent. */
    static BufferedImage palette(int width, int height) {
        byte[] r = {0, (byte) 255, 0, 0};
        byte[] g = {0, 0, (byte) 255, 0};
        byte[] b = {0, 0, 0, (byte) 255};
        byte[] a = {0, (byte) 255, (byte) 255, (byte) 255};
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_INDEXED,
                new IndexColorModel(2, 4, r, g, b, a));
        WritableRaster raster = image.getRaster();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                raster.setSample(x, y, 0, x < width / 2 ? 0 : 1 + (y * 3 / height));
            }
        }
        return image;
    }

    private static byte clamp(int v) {
        return (byte) Math.max(0, Math.min(255, v));
    }
}
