package com.renovation.media.variants.imaging;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.plugins.jpeg.JPEGImageWriteParam;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Locale;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * Files crafted byte by byte where no encoder makes them: EXIF with GPS, ICC and Adobe
 * segments, CMYK JPEGs, extended WebP, and headers that lie about their size (pixel bombs).
 */
final class CraftedFiles {

    /** Marker text put into test EXIF; it must never reach a variant. */
    static final String LEAK_MARKER = "LEAK-CHECK-CAMERA";

    private CraftedFiles() {
    }

    /** The JPEG with an APP segment inserted right after SOI. */
    static byte[] withSegment(byte[] jpeg, int marker, byte[] payload) {
        ByteBuffer out = ByteBuffer.allocate(jpeg.length + 4 + payload.length);
        out.put(jpeg, 0, 2);
        out.put((byte) 0xFF).put((byte) marker).putShort((short) (payload.length + 2)).put(payload);
        out.put(jpeg, 2, jpeg.length - 2);
        return out.array();
    }

    /** An APP1 EXIF block: IFD0 with Make (the leak marker), Orientation and a GPS IFD with a latitude. */
    static byte[] exifApp1(int orientation) {
        byte[] make = (LEAK_MARKER + "\0").getBytes(StandardCharsets.US_ASCII);
        ByteBuffer tiff = ByteBuffer.allocate(256); // big-endian, "MM"
        tiff.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8);
        int ifd0Entries = 3;
        int gpsIfd = 8 + 2 + 12 * ifd0Entries + 4;
        int gpsEntries = 2;
        int latitude = gpsIfd + 2 + 12 * gpsEntries + 4;
        int makeOffset = latitude + 24;
        tiff.putShort((short) ifd0Entries);
        entry(tiff, 0x010F, 2, make.length, makeOffset);               // Make, ASCII
        tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1)    // Orientation, SHORT
                .putShort((short) orientation).putShort((short) 0);
        entry(tiff, 0x8825, 4, 1, gpsIfd);                             // GPS IFD pointer
        tiff.putInt(0);
        tiff.putShort((short) gpsEntries);
        tiff.putShort((short) 0x0001).putShort((short) 2).putInt(2).put((byte) 'N').put((byte) 0).putShort((short) 0);
        entry(tiff, 0x0002, 5, 3, latitude);                           // GPSLatitude, 3 RATIONALs
        tiff.putInt(0);
        tiff.putInt(48).putInt(1).putInt(51).putInt(1).putInt(2957).putInt(100); // 48° 51' 29.57"
        tiff.put(make);
        byte[] exif = new byte[6 + tiff.position()];
        System.arraycopy("Exif\0\0".getBytes(StandardCharsets.US_ASCII), 0, exif, 0, 6);
        System.arraycopy(tiff.array(), 0, exif, 6, tiff.position());
        return exif;
    }

    private static void entry(ByteBuffer b, int tag, int type, int count, int value) {
        b.putShort((short) tag).putShort((short) type).putInt(count).putInt(value);
    }

    static byte[] jpegWithExif(BufferedImage image, int orientation) {
        return withSegment(TestImages.jpeg(image), 0xE1, exifApp1(orientation));
    }

    /** The PNG with an eXIf chunk (the TIFF part of {@link #exifApp1}) right after IHDR, before the image data. */
    static byte[] pngWithExif(BufferedImage image, int orientation) {
        byte[] png = TestImages.png(image);
        byte[] exif = exifApp1(orientation);
        byte[] tiff = java.util.Arrays.copyOfRange(exif, 6, exif.length);
        int afterHeader = 8 + 12 + 13; // signature, IHDR chunk
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(png, 0, afterHeader);
        chunk(out, "eXIf", tiff);
        out.write(png, afterHeader, png.length - afterHeader);
        return out.toByteArray();
    }

    /** A simple lossy WebP rewrapped in the extended format (VP8X) with an EXIF chunk after the image. */
    static byte[] webpWithExif(byte[] simpleWebp, int width, int height, int orientation) {
        byte[] exif = exifApp1(orientation);
        byte[] tiff = java.util.Arrays.copyOfRange(exif, 6, exif.length);
        ByteBuffer vp8x = ByteBuffer.allocate(10).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        vp8x.put((byte) 0x08).put(new byte[3]); // flags: EXIF present
        vp8x.put((byte) (width - 1)).put((byte) ((width - 1) >> 8)).put((byte) ((width - 1) >> 16));
        vp8x.put((byte) (height - 1)).put((byte) ((height - 1) >> 8)).put((byte) ((height - 1) >> 16));
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes("WEBP".getBytes(StandardCharsets.US_ASCII));
        riffChunk(body, "VP8X", vp8x.array());
        body.write(simpleWebp, 12, simpleWebp.length - 12); // the existing "VP8 " chunk
        riffChunk(body, "EXIF", tiff);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("RIFF".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(ByteBuffer.allocate(4).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(body.size()).array());
        out.writeBytes(body.toByteArray());
        return out.toByteArray();
    }

    private static void riffChunk(ByteArrayOutputStream out, String id, byte[] data) {
        out.writeBytes(id.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(ByteBuffer.allocate(4).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(data.length).array());
        out.writeBytes(data);
        if (data.length % 2 == 1) {
            out.write(0);
        }
    }

    /** The JPEG tagged with an ICC profile in APP2, as cameras and editors embed it. */
    static byte[] withIccProfile(byte[] jpeg, ICC_Profile profile) {
        byte[] data = profile.getData();
        byte[] payload = new byte[14 + data.length];
        System.arraycopy("ICC_PROFILE\0".getBytes(StandardCharsets.US_ASCII), 0, payload, 0, 12);
        payload[12] = 1; // chunk 1
        payload[13] = 1; // of 1
        System.arraycopy(data, 0, payload, 14, data.length);
        return withSegment(jpeg, 0xE2, payload);
    }

    /**
     * A CMYK JPEG as Photoshop writes it: four components stored inverted, with an Adobe APP14
     * marker (transform 0 = no colour transform).
     */
    static byte[] cmykJpeg(int width, int height, int c, int m, int y, int k) {
        WritableRaster raster = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, width, height, 4, null);
        int[] inverted = {255 - c, 255 - m, 255 - y, 255 - k};
        for (int py = 0; py < height; py++) {
            for (int px = 0; px < width; px++) {
                raster.setPixel(px, py, inverted);
            }
        }
        ImageWriter writer = jdkJpegWriter();
        try {
            JPEGImageWriteParam param = new JPEGImageWriteParam(Locale.ROOT);
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.95f);
            byte[] jpeg = TestImages.write(writer, new IIOImage(raster, null, null), param);
            byte[] adobe = {'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, 0};
            return withSegment(jpeg, 0xEE, adobe);
        } finally {
            writer.dispose();
        }
    }

    private static ImageWriter jdkJpegWriter() {
        for (Iterator<ImageWriter> it = ImageIO.getImageWritersByFormatName("jpeg"); it.hasNext(); ) {
            ImageWriter writer = it.next();
            if (writer.getClass().getName().startsWith("com.sun.")) {
                return writer;
            }
        }
        throw new IllegalStateException("no JDK JPEG writer");
    }

    /**
     * A valid PNG declaring width×height 1-bit gray pixels, all black: its zeros deflate about
     * 1000:1, so 30000×30000 (900 MP) fits in ~110 KB.
     */
    static byte[] pngBomb(int width, int height) {
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        try (DeflaterOutputStream z = new DeflaterOutputStream(idat, new Deflater(Deflater.BEST_COMPRESSION), 1 << 16)) {
            byte[] row = new byte[1 + (width + 7) / 8]; // filter byte + packed bits
            for (int y = 0; y < height; y++) {
                z.write(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ByteBuffer header = ByteBuffer.allocate(13).putInt(width).putInt(height)
                .put((byte) 1).put((byte) 0).put((byte) 0).put((byte) 0).put((byte) 0);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.writeBytes(new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        chunk(png, "IHDR", header.array());
        chunk(png, "IDAT", idat.toByteArray());
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    /** The JPEG with the size in its frame header (SOFn) replaced: the pixel data stays small. */
    static byte[] withDeclaredJpegSize(byte[] jpeg, int width, int height) {
        byte[] copy = jpeg.clone();
        int pos = 2;
        while (pos + 4 < copy.length) {
            int marker = copy[pos + 1] & 0xFF;
            int length = ((copy[pos + 2] & 0xFF) << 8) | (copy[pos + 3] & 0xFF);
            if (marker >= 0xC0 && marker <= 0xC3) {
                ByteBuffer.wrap(copy, pos + 5, 4).putShort((short) height).putShort((short) width);
                return copy;
            }
            pos += 2 + length;
        }
        throw new IllegalArgumentException("no SOF marker");
    }
}
