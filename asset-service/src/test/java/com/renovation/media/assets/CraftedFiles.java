package com.renovation.media.assets;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Containers built byte by byte (the JDK encodes no WebP, HEIC or PDF), and polyglots made of them. */
final class CraftedFiles {

    private CraftedFiles() {
    }

    /** The smallest lossless WebP: 1x1 pixel. */
    static byte[] webp() {
        return Base64.getDecoder().decode("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==");
    }

    /** The WebP with the bytes appended and its RIFF size raised to cover them, as an attacker would. */
    static byte[] webpCovering(byte[] appended) {
        byte[] file = concat(webp(), appended);
        ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN).putInt(4, file.length - 8);
        return file;
    }

    /** The top-level boxes of a HEIC file: ftyp, meta, mdat. */
    static byte[] heic() {
        byte[] mdat = new byte[400];
        new Random(5).nextBytes(mdat);
        return concat(box("ftyp", ascii("heic\0\0\0\0mif1heic")), box("meta", new byte[40]), box("mdat", mdat));
    }

    static byte[] pdf() {
        return ascii("%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
                + "2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n"
                + "trailer\n<< /Size 3 /Root 1 0 R >>\n%%EOF\n");
    }

    /** A ZIP holding an HTML page, its comment given as raw bytes (so it can end in any marker). */
    static byte[] zipEndingIn(byte[] comment) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.ISO_8859_1)) {
            zip.putNextEntry(new ZipEntry("index.html"));
            zip.write("<script>fetch('/sessions')</script>".getBytes(StandardCharsets.US_ASCII));
            zip.closeEntry();
            zip.setComment(new String(comment, StandardCharsets.ISO_8859_1));
        }
        return out.toByteArray();
    }

    static byte[] box(String type, byte[] payload) {
        return ByteBuffer.allocate(8 + payload.length).putInt(8 + payload.length).put(ascii(type)).put(payload)
                .array();
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
