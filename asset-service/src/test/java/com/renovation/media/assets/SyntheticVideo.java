package com.renovation.media.assets;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A large MP4 container that never sits whole in memory: an {@code ftyp} box, an empty {@code moov} and one
 * {@code mdat} box of pseudo-random bytes filling the rest, any slice of which is computed from its offset. What the
 * upload inspection checks (the brand, boxes adding up to the file's size) holds; nothing plays it.
 */
final class SyntheticVideo {

    private static final byte[] FTYP = {0, 0, 0, 24, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm', 0, 0, 2, 0,
            'i', 's', 'o', 'm', 'm', 'p', '4', '2'};
    private static final byte[] MOOV = {0, 0, 0, 8, 'm', 'o', 'o', 'v'};
    private static final int HEADER = FTYP.length + MOOV.length + 8;

    private final long size;
    private final byte[] header;
    private final long seed;

    SyntheticVideo(long size, long seed) {
        this.size = size;
        this.seed = seed;
        ByteBuffer head = ByteBuffer.allocate(HEADER).put(FTYP).put(MOOV);
        head.putInt((int) (size - FTYP.length - MOOV.length)).put("mdat".getBytes(StandardCharsets.US_ASCII));
        this.header = head.array();
    }

    long size() {
        return size;
    }

    /** The bytes from {@code offset}, {@code length} of them. */
    byte[] slice(long offset, int length) {
        byte[] bytes = new byte[length];
        long word = 0;
        for (int i = 0; i < length; i++) {
            long at = offset + i;
            if (at < HEADER) {
                bytes[i] = header[(int) at];
                continue;
            }
            if (i == 0 || (at & 7) == 0) {
                word = mix(seed + (at >>> 3));
            }
            bytes[i] = (byte) (word >>> ((at & 7) * 8));
        }
        return bytes;
    }

    /** SplitMix64: a well-spread 64-bit value of each 8-byte word's index. */
    private static long mix(long x) {
        long z = x + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
