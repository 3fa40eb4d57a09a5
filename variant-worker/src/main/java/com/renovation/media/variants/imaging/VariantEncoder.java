package com.renovation.media.variants.imaging;

import com.luciad.imageio.webp.WebPWriteParam;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.plugins.jpeg.JPEGImageWriteParam;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Locale;

/**
 * Encodes a standard image. Nothing of the source's metadata can reach the output: the
 * writers get only pixels and fresh default metadata (JPEG: a bare JFIF header; WebP and
 * AVIF: none), so no EXIF, GPS, XMP or ICC — sRGB is implied.
 */
public final class VariantEncoder {

    /** Quality on the 1–100 scale, as recorded with each variant; the writers take it as a fraction. */
    public static final int JPEG_QUALITY = 80;
    public static final int WEBP_QUALITY = 80;
    /** libwebp's default effort (0 fastest … 6 smallest). */
    public static final int WEBP_METHOD = 4;

    /**
     * The quality {@link #encode} writes {@code format} with, on the 1–100 scale; null for AVIF, which avifenc
     * makes from a quantizer range ({@link AvifSupport}) rather than a quality.
     */
    public Integer quality(VariantFormat format) {
        return switch (format) {
            case JPEG -> JPEG_QUALITY;
            case WEBP -> WEBP_QUALITY;
            case AVIF -> null;
        };
    }

    public byte[] encode(BufferedImage standard, VariantFormat format) {
        try {
            return switch (format) {
                case JPEG -> jpeg(StandardImages.flattenOnWhite(standard));
                case WEBP -> webp(StandardImages.hasAlpha(standard) ? StandardImages.unpremultiplied(standard) : standard);
                case AVIF -> AvifSupport.encode(standard);
            };
        } catch (IOException e) {
            throw new UncheckedIOException("could not encode " + format, e);
        }
    }

    private static byte[] jpeg(BufferedImage bgr) throws IOException {
        ImageWriter writer = jdkJpegWriter();
        try {
            JPEGImageWriteParam param = new JPEGImageWriteParam(Locale.ROOT);
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(JPEG_QUALITY / 100f);
            param.setProgressiveMode(ImageWriteParam.MODE_DISABLED);
            param.setOptimizeHuffmanTables(true); // a few % smaller for a few % more time
            IIOMetadata fresh = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(bgr), param);
            return write(writer, new IIOImage(bgr, null, fresh), param);
        } finally {
            writer.dispose();
        }
    }

    private static byte[] webp(BufferedImage image) throws IOException {
        ImageWriter writer = WebPCodecs.newWriter();
        try {
            WebPWriteParam param = new WebPWriteParam(Locale.ROOT);
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionType(param.getCompressionTypes()[WebPWriteParam.LOSSY_COMPRESSION]);
            param.setCompressionQuality(WEBP_QUALITY / 100f);
            param.setMethod(WEBP_METHOD);
            return write(writer, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
    }

    private static byte[] write(ImageWriter writer, IIOImage image, ImageWriteParam param) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, image, param);
        }
        return bytes.toByteArray();
    }

    /** The JDK's own writer (libjpeg), not the TwelveMonkeys wrapper that is registered beside it. */
    private static ImageWriter jdkJpegWriter() {
        ImageWriter fallback = null;
        for (Iterator<ImageWriter> it = ImageIO.getImageWritersByFormatName("jpeg"); it.hasNext(); ) {
            ImageWriter writer = it.next();
            if (writer.getClass().getName().startsWith("com.sun.imageio.")) {
                if (fallback != null) {
                    fallback.dispose();
                }
                return writer;
            }
            if (fallback == null) {
                fallback = writer;
            } else {
                writer.dispose();
            }
        }
        if (fallback == null) {
            throw new IllegalStateException("no ImageIO JPEG writer");
        }
        return fallback;
    }
}
