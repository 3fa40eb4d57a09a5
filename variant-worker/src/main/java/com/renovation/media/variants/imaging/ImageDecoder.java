package com.renovation.media.variants.imaging;

import com.twelvemonkeys.imageio.stream.ByteArrayImageInputStream;

import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Locale;

/**
 * Decodes JPEG (baseline, progressive, CMYK/YCCK, ICC-profiled → sRGB via TwelveMonkeys), PNG
 * (any depth, palette, gray, alpha) and WebP into a standard layout (see {@link StandardImages}).
 *
 * <p>Memory is bounded with source subsampling (every n-th pixel of every n-th row) when the
 * source has more pixels than {@code maxDecodedPixels}: that does not make decoding faster,
 * but the decoded raster is n² times smaller. Subsampling skips pixels rather than averaging
 * them, so fine detail aliases (bench/images measured 47 → 40 dB on a detailed 24 MP photo
 * at n = 2): it is kept for the sources that need it, and only while the subsampled image
 * stays at least {@code minHeadroom} times the largest target, so the resizer still filters.
 */
public final class ImageDecoder {

    /** Up to 24 MP photos decode whole (72 MB as BGR); a 50 MP one is halved to 12.5 MP. */
    public static final long DEFAULT_MAX_DECODED_PIXELS = 25_000_000L;
    public static final double DEFAULT_MIN_HEADROOM = 2.0;
    /** Two renders at once stay within ~400 MB of heap; a 24 MP photo (192 MB estimated) still decodes whole. */
    public static final long DEFAULT_MAX_DECODE_BYTES = 192L * 1024 * 1024;

    private final long maxDecodedPixels;
    private final double minHeadroom;
    private final long maxDecodeBytes;

    public ImageDecoder() {
        this(DEFAULT_MAX_DECODED_PIXELS, DEFAULT_MIN_HEADROOM);
    }

    public ImageDecoder(long maxDecodedPixels, double minHeadroom) {
        this(maxDecodedPixels, minHeadroom, DEFAULT_MAX_DECODE_BYTES);
    }

    /**
     * @param maxDecodedPixels above this many source pixels, decode subsampled
     * @param minHeadroom      how many times the largest target the subsampled image must stay (per side)
     */
    /** @param maxDecodeBytes images whose decode is estimated to need more memory than this are refused */
    public ImageDecoder(long maxDecodedPixels, double minHeadroom, long maxDecodeBytes) {
        if (maxDecodedPixels <= 0 || !(minHeadroom >= 1) || maxDecodeBytes <= 0) {
            throw new IllegalArgumentException("maxDecodedPixels and maxDecodeBytes must be positive and minHeadroom ≥ 1");
        }
        this.maxDecodedPixels = maxDecodedPixels;
        this.minHeadroom = minHeadroom;
        this.maxDecodeBytes = maxDecodeBytes;
    }

    public static ImageDecoder withoutSubsampling() {
        return new ImageDecoder(Long.MAX_VALUE, DEFAULT_MIN_HEADROOM);
    }

    /** @param largestTarget the largest upright output size that will be made from this decode */
    public DecodedImage decode(byte[] source, ImageInfo info, ImageSize largestTarget) {
        return decode(source, info, largestTarget, RenderAbort.never());
    }

    /**
     * @throws ImageRejectedException the decode would need more memory than allowed, the data is corrupt, or the
     *                                render was aborted
     */
    public DecodedImage decode(byte[] source, ImageInfo info, ImageSize largestTarget, RenderAbort abort) {
        int subsampling = subsampling(info.uprightSize(), largestTarget);
        long needed = estimatedBytes(source, info, subsampling);
        if (needed > maxDecodeBytes) {
            throw new ImageRejectedException("decoding this " + info.storedSize() + " " + info.format()
                    + " would need about " + ImageProbe.bytes(needed) + ", above the "
                    + ImageProbe.bytes(maxDecodeBytes) + " limit");
        }
        BufferedImage pixels = read(source, info.format(), subsampling, abort);
        abort.check();
        return new DecodedImage(StandardImages.standardize(pixels), info.orientation(), subsampling);
    }

    /**
     * Heap a decode takes, from the header: the decoded raster (4 bytes a pixel, 8 for 16-bit PNG) plus its copy
     * in the standard layout (up to 4 more), both at the subsampled size; and for WebP the full-size 4-byte
     * raster the lossless decoder fills before it subsamples.
     */
    static long estimatedBytes(byte[] source, ImageInfo info, int subsampling) {
        ImageSize stored = info.storedSize();
        long decodedPixels = (long) ceilDiv(stored.width(), subsampling) * ceilDiv(stored.height(), subsampling);
        int rasterBytes = info.format() == SourceFormat.PNG && pngBitDepth(source) == 16 ? 8 : 4;
        long bytes = decodedPixels * (rasterBytes + 4);
        if (info.format() == SourceFormat.WEBP && subsampling > 1) {
            bytes += stored.pixels() * 4;
        }
        return bytes;
    }

    private static int ceilDiv(int value, int divisor) {
        return (value + divisor - 1) / divisor;
    }

    /** IHDR is the first chunk: signature (8), length (4), type (4), width (4), height (4), then the bit depth. */
    private static int pngBitDepth(byte[] png) {
        return png.length > 24 ? png[24] & 0xFF : 8;
    }

    /** The smallest factor that brings the raster within budget, unless that would leave too few pixels. */
    int subsampling(ImageSize upright, ImageSize target) {
        if (upright.pixels() <= maxDecodedPixels) {
            return 1;
        }
        int needed = (int) Math.ceil(Math.sqrt((double) upright.pixels() / maxDecodedPixels));
        double scale = Math.min((double) upright.width() / target.width(), (double) upright.height() / target.height());
        int allowed = (int) Math.floor(scale / minHeadroom);
        return Math.max(1, Math.min(needed, allowed));
    }

    private static BufferedImage read(byte[] source, SourceFormat format, int subsampling, RenderAbort abort) {
        ImageReader reader = format.newReader();
        TruncationWarnings warnings = new TruncationWarnings();
        abort.reading(reader);
        try (ImageInputStream in = new ByteArrayImageInputStream(source)) {
            reader.setInput(in, true, true);
            reader.addIIOReadWarningListener(warnings);
            ImageReadParam param = reader.getDefaultReadParam();
            if (subsampling > 1) {
                param.setSourceSubsampling(subsampling, subsampling, 0, 0);
            }
            BufferedImage image = reader.read(0, param);
            abort.check(); // an aborted reader returns what it had decoded so far
            if (warnings.truncated != null) {
                throw new ImageRejectedException(format + " data is truncated (" + warnings.truncated + ")");
            }
            return image;
        } catch (IOException | RuntimeException e) {
            if (e instanceof ImageRejectedException rejected) {
                throw rejected;
            }
            abort.check(); // a reader stopped by the abort may fail in any way: the abort is the reason
            // Codecs signal corrupt data with IIOException or, in places, with runtime exceptions.
            throw new ImageRejectedException("corrupt or truncated " + format + " data: " + ImageProbe.describe(e), e);
        } finally {
            abort.reading(null);
            reader.dispose();
        }
    }

    /** libjpeg only warns when the data ends early and fills the rest with gray: that is a broken upload. */
    private static final class TruncationWarnings implements IIOReadWarningListener {
        String truncated;

        @Override
        public void warningOccurred(ImageReader source, String warning) {
            if (warning != null && warning.toLowerCase(Locale.ROOT).contains("premature end")) {
                truncated = warning;
            }
        }
    }
}
