package com.renovation.media.variants.imaging;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Lists the containers' segments and chunks, to prove a variant carries no metadata. */
final class MetadataInspector {

    private MetadataInspector() {
    }

    /** JPEG marker bytes before the first scan, e.g. [0xE0, 0xDB, 0xC0, 0xC4, 0xDA]. */
    static List<Integer> jpegMarkers(byte[] jpeg) {
        List<Integer> markers = new ArrayList<>();
        int pos = 2;
        while (pos + 4 <= jpeg.length) {
            int marker = jpeg[pos + 1] & 0xFF;
            markers.add(marker);
            if (marker == 0xDA) {
                break;
            }
            pos += 2 + (((jpeg[pos + 2] & 0xFF) << 8) | (jpeg[pos + 3] & 0xFF));
        }
        return markers;
    }

    /** WebP RIFF chunk ids, e.g. ["VP8X", "ALPH", "VP8 "]. */
    static List<String> webpChunks(byte[] webp) {
        List<String> chunks = new ArrayList<>();
        int pos = 12;
        while (pos + 8 <= webp.length) {
            chunks.add(new String(webp, pos, 4, StandardCharsets.US_ASCII));
            long size = ByteBuffer.wrap(webp, pos + 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xFFFFFFFFL;
            pos += 8 + (int) (size + (size & 1));
        }
        return chunks;
    }

    static boolean contains(byte[] data, String ascii) {
        byte[] needle = ascii.getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i + needle.length <= data.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (data[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
