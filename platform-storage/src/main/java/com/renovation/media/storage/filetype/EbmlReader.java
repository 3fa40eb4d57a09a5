package com.renovation.media.storage.filetype;

/**
 * Reads EBML element headers (Matroska, WebM) from bytes in memory. An element is its ID (1–4 bytes, the length
 * marker kept as part of the value), its size (1–8 bytes, the marker removed; all value bits set means "unknown
 * size"), then its payload. The lengths are told by the first byte's leading zeros ({@link #length}).
 */
final class EbmlReader {

    /** What {@link #size()} answers for an element of unknown size. */
    static final long UNKNOWN_SIZE = Long.MAX_VALUE;

    private final byte[] data;
    private int at;

    EbmlReader(byte[] data, int at) {
        this.data = data;
        this.at = at;
    }

    /** How many bytes a variable-length value starting with {@code first} takes (1–8), or 0 if none. */
    static int length(int first) {
        return first == 0 ? 0 : Integer.numberOfLeadingZeros(first & 0xFF) - 23;
    }

    /** Whether a size of {@code length} bytes has every value bit set: the reserved "unknown size". */
    static boolean isUnknown(long value, int length) {
        return value == (1L << 7 * length) - 1;
    }

    int at() {
        return at;
    }

    /** The next element ID, or -1 if it is malformed (longer than 4 bytes) or cut short. */
    int id() {
        int length = at < data.length ? length(data[at]) : 0;
        if (length == 0 || length > 4 || at + length > data.length) {
            return -1;
        }
        int id = 0;
        for (int i = 0; i < length; i++) {
            id = id << 8 | (data[at++] & 0xFF);
        }
        return id;
    }

    /** The next element size, {@link #UNKNOWN_SIZE}, or -1 if it is malformed or cut short. */
    long size() {
        int length = at < data.length ? length(data[at]) : 0;
        if (length == 0 || at + length > data.length) {
            return -1;
        }
        long size = data[at++] & (0xFF >> length);
        for (int i = 1; i < length; i++) {
            size = size << 8 | (data[at++] & 0xFF);
        }
        return isUnknown(size, length) ? UNKNOWN_SIZE : size;
    }

    void skip(long bytes) {
        at = (int) Math.min(data.length, at + bytes);
    }
}
