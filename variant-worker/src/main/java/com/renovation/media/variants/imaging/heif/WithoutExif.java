package com.renovation.media.variants.imaging.heif;

import com.renovation.media.variants.imaging.ImageRejectedException;
import java.io.ByteArrayOutputStream;

/**
 * The decoded picture without the EXIF and XMP that {@code heif-convert} copies into it from the HEIF file: the
 * pixels are already upright, and libvips would turn them again by an EXIF orientation the decoder did not
 * always reset. JPEG loses its APP1 segments, PNG its eXIf chunk; the ICC profile (APP2, iCCP) stays.
 */
final class WithoutExif {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private WithoutExif() {
    }

    static byte[] of(byte[] decoded) {
        if (decoded.length >= 2 && (decoded[0] & 0xFF) == 0xFF && (decoded[1] & 0xFF) == 0xD8) {
            return jpeg(decoded);
        }
        if (startsWithPngSignature(decoded)) {
            return png(decoded);
        }
        throw new ImageRejectedException("the HEIF decoder wrote neither a JPEG nor a PNG");
    }

    /** Segments up to the first scan, each copied but APP1; the scan and what follows as they are. */
    private static byte[] jpeg(byte[] jpeg) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(jpeg.length);
        out.write(jpeg, 0, 2);
        int at = 2;
        while (at + 4 <= jpeg.length) {
            if ((jpeg[at] & 0xFF) != 0xFF) {
                throw new ImageRejectedException("the HEIF decoder wrote a broken JPEG");
            }
            int marker = jpeg[at + 1] & 0xFF;
            if (marker == 0xDA) {
                break;
            }
            int length = (jpeg[at + 2] & 0xFF) << 8 | (jpeg[at + 3] & 0xFF);
            if (length < 2 || at + 2 + length > jpeg.length) {
                throw new ImageRejectedException("the HEIF decoder wrote a broken JPEG");
            }
            if (marker != 0xE1) {
                out.write(jpeg, at, 2 + length);
            }
            at += 2 + length;
        }
        out.write(jpeg, at, jpeg.length - at);
        return out.toByteArray();
    }

    /** Chunks copied but eXIf (and its XMP in iTXt, which libvips does not read for orientation, stays). */
    private static byte[] png(byte[] png) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(png.length);
        out.write(png, 0, PNG_SIGNATURE.length);
        int at = PNG_SIGNATURE.length;
        while (at + 12 <= png.length) {
            long length = (png[at] & 0xFFL) << 24 | (png[at + 1] & 0xFFL) << 16 | (png[at + 2] & 0xFFL) << 8
                    | (png[at + 3] & 0xFFL);
            if (length > png.length - at - 12) {
                throw new ImageRejectedException("the HEIF decoder wrote a broken PNG");
            }
            boolean exif = png[at + 4] == 'e' && png[at + 5] == 'X' && png[at + 6] == 'I' && png[at + 7] == 'f';
            if (!exif) {
                out.write(png, at, (int) length + 12);
            }
            at += (int) length + 12;
        }
        out.write(png, at, png.length - at);
        return out.toByteArray();
    }

    private static boolean startsWithPngSignature(byte[] data) {
        if (data.length < PNG_SIGNATURE.length) {
            return false;
        }
        for (int i = 0; i < PNG_SIGNATURE.length; i++) {
            if (data[i] != PNG_SIGNATURE[i]) {
                return false;
            }
        }
        return true;
    }
}
