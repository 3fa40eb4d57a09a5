package com.renovation.media.variants.imaging;

import java.awt.AlphaComposite;
import java.awt.Graphics2D;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.DataBufferByte;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;

/**
 * The two pixel layouts the pipeline works in, so resizing and turning are plain array loops:
 * opaque TYPE_3BYTE_BGR, or TYPE_4BYTE_ABGR_PRE where there is alpha (premultiplied, so
 * resampling does not bleed the colour of transparent pixels into visible ones). Both are
 * compact: pixel i, channel c at bytes()[i * channels + c].
 */
final class StandardImages {

    private static final ColorModel BGR = new BufferedImage(1, 1, BufferedImage.TYPE_3BYTE_BGR).getColorModel();
    private static final ColorModel ABGR_PRE = new BufferedImage(1, 1, BufferedImage.TYPE_4BYTE_ABGR_PRE).getColorModel();
    private static final int[] BGR_OFFSETS = {2, 1, 0};
    private static final int[] ABGR_OFFSETS = {3, 2, 1, 0};

    private StandardImages() {
    }

    static boolean isStandard(BufferedImage image) {
        int type = image.getType();
        return (type == BufferedImage.TYPE_3BYTE_BGR || type == BufferedImage.TYPE_4BYTE_ABGR_PRE) && isCompact(image);
    }

    static int channels(BufferedImage standard) {
        return standard.getType() == BufferedImage.TYPE_4BYTE_ABGR_PRE ? 4 : 3;
    }

    static boolean hasAlpha(BufferedImage standard) {
        return channels(standard) == 4;
    }

    static byte[] bytes(BufferedImage standard) {
        if (!isStandard(standard)) {
            throw new IllegalArgumentException("not a standard image: type " + standard.getType());
        }
        return ((DataBufferByte) standard.getRaster().getDataBuffer()).getData();
    }

    static BufferedImage wrap(byte[] data, int width, int height, boolean alpha) {
        int channels = alpha ? 4 : 3;
        WritableRaster raster = Raster.createInterleavedRaster(new DataBufferByte(data, data.length),
                width, height, width * channels, channels, alpha ? ABGR_OFFSETS : BGR_OFFSETS, null);
        return new BufferedImage(alpha ? ABGR_PRE : BGR, raster, alpha, null);
    }

    /** Any decoded image into a standard one, in place where the layout allows. */
    static BufferedImage standardize(BufferedImage image) {
        if (isStandard(image)) {
            return image;
        }
        if (image.getType() == BufferedImage.TYPE_4BYTE_ABGR && isCompact(image)) {
            byte[] data = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
            premultiply(data);
            return wrap(data, image.getWidth(), image.getHeight(), true);
        }
        if (image.getColorModel().getColorSpace().getType() == ColorSpace.TYPE_GRAY) {
            return fromGray(image);
        }
        return redraw(image, image.getColorModel().hasAlpha());
    }

    /** Composited over white, as JPEG has no alpha: transparent areas become white, not black. */
    static BufferedImage flattenOnWhite(BufferedImage standard) {
        if (!hasAlpha(standard)) {
            return standard;
        }
        byte[] src = bytes(standard);
        byte[] dst = new byte[src.length / 4 * 3];
        for (int s = 0, d = 0; s < src.length; s += 4, d += 3) {
            int transparency = 255 - (src[s] & 0xFF);
            // Premultiplied colour over white: c + (1 - alpha) * 255.
            dst[d] = (byte) Math.min(255, (src[s + 1] & 0xFF) + transparency);
            dst[d + 1] = (byte) Math.min(255, (src[s + 2] & 0xFF) + transparency);
            dst[d + 2] = (byte) Math.min(255, (src[s + 3] & 0xFF) + transparency);
        }
        return wrap(dst, standard.getWidth(), standard.getHeight(), false);
    }

    /** Straight (non-premultiplied) TYPE_4BYTE_ABGR, which the WebP encoder expects. */
    static BufferedImage unpremultiplied(BufferedImage standard) {
        byte[] src = bytes(standard);
        BufferedImage out = new BufferedImage(standard.getWidth(), standard.getHeight(), BufferedImage.TYPE_4BYTE_ABGR);
        byte[] dst = ((DataBufferByte) out.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < src.length; i += 4) {
            int alpha = src[i] & 0xFF;
            dst[i] = src[i];
            for (int c = 1; c < 4; c++) {
                dst[i + c] = alpha == 0 ? 0 : (byte) Math.min(255, ((src[i + c] & 0xFF) * 255 + alpha / 2) / alpha);
            }
        }
        return out;
    }

    private static void premultiply(byte[] abgr) {
        for (int i = 0; i < abgr.length; i += 4) {
            int alpha = abgr[i] & 0xFF;
            if (alpha != 255) {
                for (int c = 1; c < 4; c++) {
                    abgr[i + c] = (byte) (((abgr[i + c] & 0xFF) * alpha + 127) / 255);
                }
            }
        }
    }

    /**
     * Gray samples copied as they are. Java2D would treat its gray colour space as linear and
     * brighten the mid-tones when converting some gray layouts (with alpha, 16-bit) to sRGB.
     */
    private static BufferedImage fromGray(BufferedImage image) {
        Raster raster = image.getRaster();
        int width = image.getWidth();
        int height = image.getHeight();
        boolean alpha = image.getColorModel().hasAlpha() && raster.getNumBands() > 1;
        int grayMax = (1 << raster.getSampleModel().getSampleSize(0)) - 1;
        int alphaMax = alpha ? (1 << raster.getSampleModel().getSampleSize(1)) - 1 : 1;
        int channels = alpha ? 4 : 3;
        byte[] out = new byte[width * height * channels];
        int[] gray = new int[width];
        int[] opacity = new int[width];
        int o = 0;
        for (int y = 0; y < height; y++) {
            raster.getSamples(0, y, width, 1, 0, gray);
            if (alpha) {
                raster.getSamples(0, y, width, 1, 1, opacity);
            }
            for (int x = 0; x < width; x++) {
                int g = (gray[x] * 255 + grayMax / 2) / grayMax;
                if (alpha) {
                    int a = (opacity[x] * 255 + alphaMax / 2) / alphaMax;
                    g = (g * a + 127) / 255;
                    out[o++] = (byte) a;
                }
                out[o++] = (byte) g;
                out[o++] = (byte) g;
                out[o++] = (byte) g;
            }
        }
        return wrap(out, width, height, alpha);
    }

    /** Java2D converts every other layout (palette, 16-bit, packed ints, custom) correctly. */
    static BufferedImage redraw(BufferedImage image, boolean alpha) {
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(),
                alpha ? BufferedImage.TYPE_4BYTE_ABGR_PRE : BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = out.createGraphics();
        try {
            g.setComposite(AlphaComposite.Src); // copy, not blend: alpha is carried over as it is
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    private static boolean isCompact(BufferedImage image) {
        WritableRaster raster = image.getRaster();
        if (!(raster.getSampleModel() instanceof PixelInterleavedSampleModel model)
                || !(raster.getDataBuffer() instanceof DataBufferByte buffer)) {
            return false;
        }
        int channels = raster.getNumBands();
        return raster.getParent() == null && raster.getSampleModelTranslateX() == 0 && raster.getSampleModelTranslateY() == 0
                && buffer.getNumBanks() == 1 && buffer.getOffset() == 0
                && model.getPixelStride() == channels && model.getScanlineStride() == image.getWidth() * channels
                && buffer.getData().length == image.getWidth() * image.getHeight() * channels;
    }
}
