package com.renovation.media.variants.imaging;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Finds the EXIF block (JPEG APP1, PNG eXIf, WebP EXIF chunk) and reads only its orientation
 * tag: a few dozen bytes of parsing instead of a metadata library.
 */
final class ExifOrientationReader {

    private static final int ORIENTATION_TAG = 0x0112;
    private static final int TYPE_SHORT = 3;
    private static final byte[] EXIF_HEADER = {'E', 'x', 'i', 'f', 0, 0};

    private ExifOrientationReader() {
    }

    static Orientation read(SourceFormat format, byte[] data) {
        try {
            ByteBuffer tiff = switch (format) {
                case JPEG -> jpegExif(data);
                case PNG -> pngExif(data);
                case WEBP -> webpExif(data);
                // HEIF turns images by its irot and imir properties, which libheif applies as it decodes; an EXIF
                // orientation inside (iPhones write both) must not turn the picture a second time
                case HEIF -> null;
            };
            return tiff == null ? Orientation.NORMAL : orientation(tiff);
        } catch (IndexOutOfBoundsException | BufferUnderflowException | IllegalArgumentException e) {
            return Orientation.NORMAL; // malformed EXIF: show the pixels as stored, like browsers do
        }
    }

    private static ByteBuffer jpegExif(byte[] data) {
        int pos = 2; // after SOI
        while (pos + 4 <= data.length) {
            if ((data[pos] & 0xFF) != 0xFF) {
                return null;
            }
            int marker = data[pos + 1] & 0xFF;
            if (marker == 0xFF) { // fill byte
                pos++;
                continue;
            }
            if (marker == 0xDA || marker == 0xD9) { // start of scan / end of image: no metadata past here
                return null;
            }
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) { // markers without a length
                pos += 2;
                continue;
            }
            int length = u16(data, pos + 2);
            if (marker == 0xE1 && length >= 2 + EXIF_HEADER.length && SourceFormat.startsWith(data, pos + 4, EXIF_HEADER)) {
                return slice(data, pos + 4 + EXIF_HEADER.length, length - 2 - EXIF_HEADER.length);
            }
            pos += 2 + length;
        }
        return null;
    }

    private static ByteBuffer pngExif(byte[] data) {
        int pos = 8; // after the signature
        while (pos + 8 <= data.length) {
            long length = u32be(data, pos);
            if (length > data.length - pos - 12) {
                return null; // truncated or bogus length
            }
            String type = new String(data, pos + 4, 4, java.nio.charset.StandardCharsets.US_ASCII);
            if (type.equals("eXIf")) {
                return slice(data, pos + 8, (int) length);
            }
            if (type.equals("IDAT") || type.equals("IEND")) { // viewers honour eXIf only before the image data
                return null;
            }
            pos += 12 + (int) length;
        }
        return null;
    }

    private static ByteBuffer webpExif(byte[] data) {
        int pos = 12; // after RIFF, size, WEBP
        while (pos + 8 <= data.length) {
            long length = ByteBuffer.wrap(data, pos + 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xFFFFFFFFL;
            if (length > data.length - pos - 8) {
                return null; // truncated or bogus length
            }
            if (SourceFormat.startsWith(data, pos, SourceFormat.ascii("EXIF"))) {
                int start = pos + 8;
                int size = (int) length;
                if (SourceFormat.startsWith(data, start, EXIF_HEADER)) { // some writers keep the JPEG-style prefix
                    start += EXIF_HEADER.length;
                    size -= EXIF_HEADER.length;
                }
                return slice(data, start, size);
            }
            pos += 8 + (int) (length + (length & 1)); // chunks are padded to even
        }
        return null;
    }

    /** Reads tag 0x0112 from IFD0 of a TIFF structure. */
    private static Orientation orientation(ByteBuffer tiff) {
        if (tiff.get(0) == 'I' && tiff.get(1) == 'I') {
            tiff.order(ByteOrder.LITTLE_ENDIAN);
        } else if (tiff.get(0) != 'M' || tiff.get(1) != 'M') {
            return Orientation.NORMAL;
        }
        if (tiff.getShort(2) != 42) {
            return Orientation.NORMAL;
        }
        int ifd = tiff.getInt(4);
        int entries = tiff.getShort(ifd) & 0xFFFF;
        for (int i = 0; i < entries; i++) {
            int entry = ifd + 2 + 12 * i;
            if ((tiff.getShort(entry) & 0xFFFF) == ORIENTATION_TAG) {
                int type = tiff.getShort(entry + 2) & 0xFFFF;
                return type == TYPE_SHORT ? Orientation.fromExif(tiff.getShort(entry + 8) & 0xFFFF) : Orientation.NORMAL;
            }
        }
        return Orientation.NORMAL;
    }

    private static ByteBuffer slice(byte[] data, int offset, int length) {
        return ByteBuffer.wrap(data, offset, Math.min(length, data.length - offset)).slice();
    }

    private static int u16(byte[] data, int pos) {
        return ((data[pos] & 0xFF) << 8) | (data[pos + 1] & 0xFF);
    }

    private static long u32be(byte[] data, int pos) {
        return ((long) u16(data, pos) << 16) | u16(data, pos + 2);
    }
}
