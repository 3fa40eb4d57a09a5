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
 * <p>When the source is much larger than the largest wanted output, it is decoded with
 * source subsampling (every n-th pixel): that does not make decoding faster, but the decoded
 * raster is n² times smaller. Subsampling skips pixels rather than averaging them, so it is
 * only used while the subsampled image stays at least {@code minHeadroom} times the target,
 * leaving the resizer enough pixels to filter.
 */
public final class ImageDecoder {

    /** Tuned with bench/images: subsampling to 3× the target costs well under 1 dB against a full decode. */
    public static final double DEFAULT_MIN_HEADROOM = 3.0;

    private final double minHeadroom;

    public ImageDecoder() {
        this(DEFAULT_MIN_HEADROOM);
    }

    /** @param minHeadroom how many times the largest target the subsampled image must stay; infinity = never subsample */
    public ImageDecoder(double minHeadroom) {
        if (!(minHeadroom >= 1)) {
            throw new IllegalArgumentException("minHeadroom must be ≥ 1");
        }
        this.minHeadroom = minHeadroom;
    }

    public static ImageDecoder withoutSubsampling() {
        return new ImageDecoder(Double.POSITIVE_INFINITY);
    }

    /** @param largestTarget the largest upright output size that will be made from this decode */
    public DecodedImage decode(byte[] source, ImageInfo info, ImageSize largestTarget) {
        int subsampling = subsampling(info.uprightSize(), largestTarget);
        BufferedImage pixels = read(source, info.format(), subsampling);
        return new DecodedImage(StandardImages.standardize(pixels), info.orientation(), subsampling);
    }

    int subsampling(ImageSize upright, ImageSize target) {
        double scale = Math.min((double) upright.width() / target.width(), (double) upright.height() / target.height());
        return Math.max(1, (int) Math.floor(scale / minHeadroom));
    }

    private static BufferedImage read(byte[] source, SourceFormat format, int subsampling) {
        ImageReader reader = format.newReader();
        TruncationWarnings warnings = new TruncationWarnings();
        try (ImageInputStream in = new ByteArrayImageInputStream(source)) {
            reader.setInput(in, true, true);
            reader.addIIOReadWarningListener(warnings);
            ImageReadParam param = reader.getDefaultReadParam();
            if (subsampling > 1) {
                param.setSourceSubsampling(subsampling, subsampling, 0, 0);
            }
            BufferedImage image = reader.read(0, param);
            if (warnings.truncated != null) {
                throw new ImageRejectedException(format + " data is truncated (" + warnings.truncated + ")");
            }
            return image;
        } catch (IOException | RuntimeException e) {
            if (e instanceof ImageRejectedException rejected) {
                throw rejected;
            }
            // Codecs signal corrupt data with IIOException or, in places, with runtime exceptions.
            throw new ImageRejectedException("corrupt or truncated " + format + " data: " + ImageProbe.describe(e), e);
        } finally {
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
