package com.renovation.media.variants.imaging;

import com.renovation.media.storage.filetype.FileSniffer;
import com.renovation.media.storage.filetype.FileType;
import java.util.Optional;

/**
 * The source formats accepted, recognised by their magic bytes (never by a declared type or name). libvips
 * decodes JPEG, PNG and WebP; HEIF (HEIC and AVIF: the ftyp brands platform-storage accepts) is decoded by
 * {@code HeifDecoder} into a JPEG or PNG first, which then takes the same way.
 */
public enum SourceFormat {
    JPEG, PNG, WEBP, HEIF;

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    public static Optional<SourceFormat> detect(byte[] data) {
        if (data.length >= 3 && (data[0] & 0xFF) == 0xFF && (data[1] & 0xFF) == 0xD8 && (data[2] & 0xFF) == 0xFF) {
            return Optional.of(JPEG);
        }
        if (startsWith(data, 0, PNG_SIGNATURE)) {
            return Optional.of(PNG);
        }
        if (startsWith(data, 0, ascii("RIFF")) && startsWith(data, 8, ascii("WEBP"))) {
            return Optional.of(WEBP);
        }
        if (startsWith(data, 4, ascii("ftyp")) && FileSniffer.sniff(data) instanceof FileSniffer.Accepted accepted
                && (accepted.type() == FileType.HEIC || accepted.type() == FileType.AVIF)) {
            return Optional.of(HEIF);
        }
        return Optional.empty();
    }

    static boolean startsWith(byte[] data, int offset, byte[] prefix) {
        if (offset < 0 || data.length < offset + prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (data[offset + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    static byte[] ascii(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
