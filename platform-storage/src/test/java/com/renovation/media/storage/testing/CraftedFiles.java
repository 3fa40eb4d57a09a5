package com.renovation.media.storage.testing;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/**
 * Files built byte by byte for the container and upload tests: real encoder output where the JDK has one.
 * Shipped in platform-storage's test-jar.
 */
public final class CraftedFiles {

    private static final String JPEG_METADATA = "javax_imageio_jpeg_image_1.0";

    private CraftedFiles() {
    }

    /** Noise compresses badly: the scan data is long and holds stuffed FF 00 bytes. */
    public static BufferedImage noise(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(7);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt());
            }
        }
        return image;
    }

    public static byte[] encode(String format, BufferedImage image) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }

    /** A progressive JPEG (several scans) with a restart interval of two MCUs (RSTn markers in every scan). */
    public static byte[] progressiveJpegWithRestarts(int width, int height) throws Exception {
        BufferedImage image = noise(width, height);
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
        IIOMetadata metadata = writer.getDefaultImageMetadata(new ImageTypeSpecifier(image), param);
        IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree(JPEG_METADATA);
        IIOMetadataNode markers = (IIOMetadataNode) root.getElementsByTagName("markerSequence").item(0);
        IIOMetadataNode restartInterval = new IIOMetadataNode("dri");
        restartInterval.setAttribute("interval", "2");
        markers.insertBefore(restartInterval, markers.getFirstChild());
        metadata.setFromTree(JPEG_METADATA, root);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(null, new IIOImage(image, null, metadata), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    /** How often {@code FF marker} occurs in the bytes. */
    public static int markers(byte[] jpeg, int fromMarker, int toMarker) {
        int count = 0;
        for (int i = 0; i + 1 < jpeg.length; i++) {
            int marker = jpeg[i + 1] & 0xFF;
            if ((jpeg[i] & 0xFF) == 0xFF && marker >= fromMarker && marker <= toMarker) {
                count++;
            }
        }
        return count;
    }

    /** A JPEG with a COM segment holding {@code content} right after its SOI. */
    public static byte[] withComment(byte[] jpeg, byte[] content) {
        ByteBuffer segment = ByteBuffer.allocate(4 + content.length).put((byte) 0xFF).put((byte) 0xFE)
                .putShort((short) (content.length + 2)).put(content);
        return concat(Arrays.copyOf(jpeg, 2), segment.array(), Arrays.copyOfRange(jpeg, 2, jpeg.length));
    }

    /** A ZIP holding one entry, with a comment given as raw bytes (ISO-8859-1 keeps them as they are). */
    public static byte[] zip(byte[] comment) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.ISO_8859_1)) {
            zip.putNextEntry(new ZipEntry("payload.html"));
            zip.write("<script>alert(document.domain)</script>".getBytes(StandardCharsets.US_ASCII));
            zip.closeEntry();
            if (comment.length > 0) {
                zip.setComment(new String(comment, StandardCharsets.ISO_8859_1));
            }
        }
        return out.toByteArray();
    }

    public static byte[] zip() throws Exception {
        return zip(new byte[0]);
    }

    /** The smallest lossless WebP: 1x1, its VP8L chunk of odd size (13) followed by a pad byte. */
    public static byte[] webp() {
        return java.util.Base64.getDecoder().decode("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==");
    }

    /** A WebP of the chunks given, each padded to even size, with the RIFF size they add up to. */
    public static byte[] riff(byte[]... chunks) {
        byte[] body = concat(chunks);
        ByteBuffer riff = ByteBuffer.allocate(12 + body.length).order(ByteOrder.LITTLE_ENDIAN);
        riff.put(ascii("RIFF")).putInt(4 + body.length).put(ascii("WEBP")).put(body);
        return riff.array();
    }

    public static byte[] chunk(String fourcc, byte[] data) {
        ByteBuffer chunk = ByteBuffer.allocate(8 + data.length + (data.length & 1)).order(ByteOrder.LITTLE_ENDIAN);
        chunk.put(ascii(fourcc)).putInt(data.length).put(data);
        return chunk.array();
    }

    /** An extended WebP (VP8X, an odd-sized EXIF chunk, then the 1x1 lossless image). */
    public static byte[] extendedWebp() {
        byte[] vp8x = {0x08, 0, 0, 0, 0, 0, 0, 0, 0, 0}; // EXIF flag, canvas 1x1 (stored minus one)
        byte[] vp8l = Arrays.copyOfRange(webp(), 20, 33);
        return riff(chunk("VP8X", vp8x), chunk("EXIF", ascii("Exif\0\0MM\0*\0")), chunk("VP8L", vp8l));
    }

    /** Overwrites the RIFF size field (little-endian, at byte 4). */
    public static byte[] withRiffSize(byte[] webp, long riffSize) {
        byte[] out = webp.clone();
        ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN).putInt(4, (int) riffSize);
        return out;
    }

    /** The WebP with the bytes appended and its RIFF size raised to cover them, as an attacker would. */
    public static byte[] webpCovering(byte[] appended) {
        byte[] file = concat(webp(), appended);
        return withRiffSize(file, file.length - 8);
    }

    /** An ISO-BMFF box with a 32-bit size. */
    public static byte[] box(String type, byte[] payload) {
        return ByteBuffer.allocate(8 + payload.length).putInt(8 + payload.length).put(ascii(type)).put(payload)
                .array();
    }

    /** An ISO-BMFF box whose size is in the 64-bit largesize field (size field 1). */
    public static byte[] largeBox(String type, byte[] payload) {
        return ByteBuffer.allocate(16 + payload.length).putInt(1).put(ascii(type)).putLong(16L + payload.length)
                .put(payload).array();
    }

    /** A box whose size field is 0: it runs to the end of the file. */
    public static byte[] boxToEnd(String type, byte[] payload) {
        return ByteBuffer.allocate(8 + payload.length).putInt(0).put(ascii(type)).put(payload).array();
    }

    public static byte[] ftyp() {
        return box("ftyp", ascii("heic\0\0\0\0mif1heic"));
    }

    /** The top-level shape of a HEIC file: ftyp, meta (a full box), mdat with the coded image bytes. */
    public static byte[] heic() {
        byte[] meta = concat(new byte[4], box("hdlr", concat(new byte[8], ascii("pict"), new byte[13])));
        byte[] mdat = new byte[300];
        new Random(3).nextBytes(mdat);
        return concat(ftyp(), box("meta", meta), box("mdat", mdat));
    }

    /**
     * A HEIF file whose meta box says what a camera's does, item by item, with random bytes for coded data: item 1
     * (hvc1) is primary and declares {@code width}×{@code height} in its ispe; item 2 (a hidden hvc1) is an
     * alpha plane of item 1 when {@code alpha}; item 3 holds Exif. {@code brand} is the ftyp's major brand.
     */
    public static byte[] heifDeclaring(String brand, int width, int height, boolean alpha) {
        byte[] hdlr = box("hdlr", concat(new byte[8], ascii("pict"), new byte[13]));
        byte[] pitm = box("pitm", concat(new byte[4], shorts(1)));
        byte[] iinf = box("iinf", concat(new byte[4], shorts(3), infe(1, "hvc1", false), infe(2, "hvc1", true),
                infe(3, "Exif", true)));
        byte[] ispe = box("ispe", concat(new byte[4], ByteBuffer.allocate(8).putInt(width).putInt(height).array()));
        byte[] small = box("ispe", concat(new byte[4], ByteBuffer.allocate(8).putInt(8).putInt(8).array()));
        byte[] auxC = box("auxC", concat(new byte[4], ascii("urn:mpeg:hevc:2015:auxid:1\0")));
        byte[] ipco = box("ipco", concat(box("hvcC", new byte[23]), ispe, small, auxC));
        // version 0, flags 0: 16-bit item IDs, 8-bit property indexes (the top bit: essential)
        byte[] ipma = box("ipma", concat(new byte[4], ByteBuffer.allocate(4).putInt(2).array(),
                shorts(1), new byte[] {2, (byte) 0x81, 2}, shorts(2), new byte[] {3, (byte) 0x81, 3, 4}));
        byte[] iref = box("iref", concat(new byte[4], box(alpha ? "auxl" : "cdsc", concat(shorts(2), shorts(1), shorts(1)))));
        byte[] meta = box("meta", concat(new byte[4], hdlr, pitm, iinf, box("iprp", concat(ipco, ipma)), iref));
        byte[] coded = new byte[200];
        new Random(11).nextBytes(coded);
        return concat(box("ftyp", ascii(brand + "\0\0\0\0mif1" + brand)), meta, box("mdat", coded));
    }

    private static byte[] infe(int id, String type, boolean hidden) {
        return box("infe", concat(new byte[] {2, 0, 0, (byte) (hidden ? 1 : 0)}, shorts(id, 0), ascii(type + "\0")));
    }

    private static byte[] shorts(int... values) {
        ByteBuffer out = ByteBuffer.allocate(2 * values.length);
        for (int value : values) {
            out.putShort((short) value);
        }
        return out.array();
    }

    /** Overwrites a big-endian 32-bit value. */
    public static byte[] withInt(byte[] file, int at, int value) {
        byte[] out = file.clone();
        ByteBuffer.wrap(out).putInt(at, value);
        return out;
    }

    public static byte[] pdf() {
        return ascii("%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
                + "2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n"
                + "xref\n0 3\n0000000000 65535 f \n0000000015 00000 n \n0000000068 00000 n \n"
                + "trailer\n<< /Size 3 /Root 1 0 R >>\nstartxref\n124\n%%EOF\n");
    }

    /** An incremental update: a new body, xref section and trailer appended, ending with its own %%EOF. */
    public static byte[] pdfWithIncrementalUpdate() {
        return concat(pdf(), ascii("3 0 obj\n<< /Producer (update) >>\nendobj\n"
                + "xref\n3 1\n0000000190 00000 n \n"
                + "trailer\n<< /Size 4 /Root 1 0 R /Prev 124 /Info 3 0 R >>\nstartxref\n230\n%%EOF\r\n"));
    }

    public static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
