package com.renovation.media.variants.imaging;

import com.renovation.media.storage.filetype.HeifMeta;
import com.renovation.media.storage.filetype.ImageHeader;
import com.renovation.media.storage.filetype.WebpLosslessCodes;
import java.util.Locale;

/**
 * Reads format and orientation from the bytes, and refuses what must not be decoded: files above the byte
 * limit, unknown formats, JPEGs with more scans than the limit (scan bombs), lossless WebPs with invalid
 * Huffman codes, and HEIF files whose meta box is broken or declares too many pixels — before a decoder sees
 * them. The pixel limit (decompression bombs) is checked on the size the decoder reads from the header (for
 * HEIF: the primary item's ispe, read here), before any pixel is decoded: see {@link #checkPixels}.
 */
public final class ImageProbe {

    public static final long DEFAULT_MAX_PIXELS = 50_000_000L;
    public static final long DEFAULT_MAX_BYTES = 50L * 1024 * 1024;
    /** libjpeg writes 10 scans for a colour progressive JPEG, encoders tuned for size a few more. */
    public static final int DEFAULT_MAX_JPEG_SCANS = 100;

    private final long maxPixels;
    private final long maxBytes;
    private final int maxJpegScans;

    public ImageProbe() {
        this(DEFAULT_MAX_PIXELS, DEFAULT_MAX_BYTES);
    }

    public ImageProbe(long maxPixels, long maxBytes) {
        this(maxPixels, maxBytes, DEFAULT_MAX_JPEG_SCANS);
    }

    public ImageProbe(long maxPixels, long maxBytes, int maxJpegScans) {
        if (maxPixels <= 0 || maxBytes <= 0 || maxJpegScans <= 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
        this.maxPixels = maxPixels;
        this.maxBytes = maxBytes;
        this.maxJpegScans = maxJpegScans;
    }

    public long maxBytes() {
        return maxBytes;
    }

    public ImageInfo probe(byte[] source) {
        if (source.length > maxBytes) {
            throw new ImageRejectedException("file is " + bytes(source.length) + ", above the " + bytes(maxBytes) + " limit");
        }
        return inspect(source);
    }

    /**
     * What the HEIF decoder made of a source: a JPEG or PNG whose size its decoder's output cap bounded (a 50 MP
     * picture may well exceed the byte limit meant for uploads), probed like an upload otherwise.
     */
    public ImageInfo probeDecoded(byte[] decoded) {
        ImageInfo info = inspect(decoded);
        if (info.format() != SourceFormat.JPEG && info.format() != SourceFormat.PNG) {
            throw new ImageRejectedException("the HEIF decoder wrote neither a JPEG nor a PNG");
        }
        return info;
    }

    private ImageInfo inspect(byte[] source) {
        SourceFormat format = SourceFormat.detect(source)
                .orElseThrow(() -> new ImageRejectedException("not a JPEG, PNG, WebP, HEIC or AVIF image"));
        if (format == SourceFormat.HEIF) {
            return heif(source);
        }
        if (format == SourceFormat.WEBP) {
            WebpLosslessCodes.refusal(source).ifPresent(reason -> {
                throw new ImageRejectedException(reason);
            });
        }
        if (format == SourceFormat.JPEG) {
            int scans = JpegScans.count(source, maxJpegScans);
            if (scans > maxJpegScans) {
                throw new ImageRejectedException("JPEG has more than " + maxJpegScans + " scans (a scan bomb)");
            }
        }
        return new ImageInfo(format, ExifOrientationReader.read(format, source));
    }

    /** The meta box must name a primary image and its size, within the pixel limit: the decoder trusts neither. */
    private ImageInfo heif(byte[] source) {
        HeifMeta meta;
        try {
            meta = HeifMeta.read(source);
        } catch (HeifMeta.Malformed e) {
            throw new ImageRejectedException("corrupt HEIF container: " + e.getMessage(), e);
        }
        ImageHeader.Dimensions declared = meta.primarySize().filter(d -> d.width() > 0 && d.height() > 0)
                .orElseThrow(() -> new ImageRejectedException(
                        "corrupt HEIF container: its primary image declares no size (ispe)"));
        checkPixels(new ImageSize(declared.width(), declared.height()));
        return new ImageInfo(SourceFormat.HEIF, Orientation.NORMAL, meta);
    }

    /** @throws ImageRejectedException when an image of the stored {@code size} has more pixels than the limit */
    public void checkPixels(ImageSize size) {
        if (size.pixels() > maxPixels) {
            throw new ImageRejectedException("image is " + size + " = " + megapixels(size.pixels())
                    + " MP, above the " + megapixels(maxPixels) + " MP limit");
        }
    }

    private static String megapixels(long pixels) {
        return trimmed(pixels / 1_000_000.0);
    }

    static String bytes(long bytes) {
        return bytes >= 1024 * 1024 ? trimmed(bytes / (1024.0 * 1024.0)) + " MB" : trimmed(bytes / 1024.0) + " KB";
    }

    /** "900", "50", "12.5": one decimal only where it tells something. */
    private static String trimmed(double value) {
        String text = String.format(Locale.ROOT, value >= 100 ? "%.0f" : "%.1f", value);
        return text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
    }
}
