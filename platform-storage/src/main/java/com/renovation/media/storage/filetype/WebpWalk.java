package com.renovation.media.storage.filetype;

import java.io.ByteArrayOutputStream;
import java.util.Set;

/**
 * Walks a WebP: the RIFF header's size plus 8 must be the file's size, and the chunks (each padded to an even
 * length) must fill exactly that size, so nothing can hide after the image or between its chunks. A file whose
 * structure holds is then checked for malformed lossless prefix codes ({@link WebpLosslessCodes}, the shape of
 * CVE-2023-4863), so such a file is refused before any decoder sees it. That check needs the whole file: it is
 * kept in memory, which the upload size limit bounds.
 */
final class WebpWalk extends ContainerCheck {

    private static final Set<Integer> IMAGE_CHUNKS = Set.of(fourcc("VP8 "), fourcc("VP8L"), fourcc("VP8X"));

    private final byte[] header = new byte[12];
    private int headerSeen;
    private long riffEnd;
    private int chunkHeaderSeen;
    private int fourcc;
    private long size;
    private boolean first = true;
    private boolean ended;
    private final ByteArrayOutputStream whole = new ByteArrayOutputStream();

    WebpWalk() {
        super("WebP");
    }

    @Override
    void walk(int b) {
        if (headerSeen < header.length) {
            header[headerSeen++] = (byte) b;
            if (headerSeen == header.length) {
                riffHeader();
            }
        } else if (ended) {
            dataAfterEnd(riffEnd);
        } else {
            chunkHeader(b);
        }
    }

    private void riffHeader() {
        if (fourcc(header, 0) != fourcc("RIFF") || fourcc(header, 8) != fourcc("WEBP")) {
            corrupt("it does not start with a RIFF WEBP header");
        }
        riffEnd = 8 + uint32le(header, 4);
        if (riffEnd < header.length + 8) {
            corrupt("its RIFF header declares " + riffEnd + " bytes, too few for any image");
        }
    }

    /** FourCC (4 bytes) and little-endian size (4 bytes) of a chunk inside the RIFF. */
    private void chunkHeader(int b) {
        if (chunkHeaderSeen == 0 && riffEnd - offset() < 8) {
            corrupt("its WebP chunks do not fill the size its RIFF header declares");
            return;
        }
        if (chunkHeaderSeen < 4) {
            fourcc = fourcc << 8 | b;
        } else {
            size |= (long) b << 8 * (chunkHeaderSeen - 4);
        }
        if (++chunkHeaderSeen < 8) {
            return;
        }
        if (first && !IMAGE_CHUNKS.contains(fourcc)) {
            corrupt("its first WebP chunk is not VP8, VP8L or VP8X");
            return;
        }
        first = false;
        long padded = size + (size & 1); // odd-sized chunks are followed by one pad byte
        long chunkEnd = offset() + 1 + padded;
        if (chunkEnd > riffEnd) {
            corrupt("a WebP chunk runs past the size its RIFF header declares");
        }
        skip(padded);
        ended = chunkEnd == riffEnd;
        chunkHeaderSeen = 0;
        fourcc = 0;
        size = 0;
    }

    @Override
    void seen(byte[] data, int length) {
        whole.write(data, 0, length);
    }

    @Override
    void atEnd() {
        if (!ended || skipLeft() > 0) {
            corrupt("the file ends before the size its RIFF header declares");
            return;
        }
        WebpLosslessCodes.refusal(whole.toByteArray()).ifPresent(this::corrupt);
    }

    private static int fourcc(String code) {
        return fourcc(code.getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0);
    }

    private static int fourcc(byte[] b, int at) {
        return (b[at] & 0xFF) << 24 | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8 | (b[at + 3] & 0xFF);
    }

    private static long uint32le(byte[] b, int at) {
        return (b[at] & 0xFFL) | (b[at + 1] & 0xFFL) << 8 | (b[at + 2] & 0xFFL) << 16 | (b[at + 3] & 0xFFL) << 24;
    }
}
