package com.renovation.media.storage.filetype;

import java.util.Optional;

/**
 * Checks every prefix (Huffman) code of a WebP's lossless bitstreams before the image is decoded: the VP8L
 * image, lossless-compressed alpha (ALPH) and the same inside animation frames. A code whose lengths do not
 * form a complete prefix code is refused. Such codes were the vehicle of CVE-2023-4863: libwebp built its
 * lookup tables from them before checking, and the pure-Java decoder used here accepts them silently and
 * decodes noise. Confirm refuses such files (through {@link ContainerCheck}), and the worker checks again before
 * decoding what an event names.
 *
 * <p>Only what precedes the main image's pixel data is read: the transforms' small sub-images and the entropy
 * image are entropy-decoded (to reach the codes that follow them, and to learn how many code groups the main
 * image has); the main image's pixels are never decoded here.
 */
public final class WebpLosslessCodes {

    private static final int[] CODE_LENGTH_ORDER = {17, 18, 0, 1, 2, 3, 4, 5, 16, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15};
    private static final int NUM_LITERAL = 256;
    private static final int NUM_LENGTH_PREFIXES = 24;
    private static final int NUM_DISTANCE_PREFIXES = 40;
    private static final int MAX_LENGTH = 15;

    private WebpLosslessCodes() {
    }

    /** Why the WebP must be refused, if one of its lossless bitstreams is malformed. */
    public static Optional<String> refusal(byte[] webp) {
        try {
            int riffEnd = (int) Math.min(webp.length, 8L + le32(webp, 4));
            checkChunks(webp, 12, riffEnd, 0, 0);
            return Optional.empty();
        } catch (ArrayIndexOutOfBoundsException e) {
            return Optional.of("corrupt WEBP data: a lossless bitstream ends early");
        } catch (Malformed e) {
            return Optional.of(e.getMessage());
        }
    }

    /** A malformed bitstream, caught by {@link #refusal}. */
    private static final class Malformed extends RuntimeException {
        Malformed(String message) {
            super(message, null, false, false);
        }
    }

    private static void checkChunks(byte[] webp, int from, int end, int width, int height) {
        int canvasWidth = width;
        int canvasHeight = height;
        int at = from;
        while (at + 8 <= end) {
            String id = new String(webp, at, 4, java.nio.charset.StandardCharsets.US_ASCII);
            long size = le32(webp, at + 4);
            int data = at + 8;
            int dataEnd = (int) Math.min(end, data + size);
            switch (id) {
                case "VP8X" -> {
                    canvasWidth = le24(webp, data + 4) + 1;
                    canvasHeight = le24(webp, data + 7) + 1;
                }
                case "VP8L" -> {
                    if ((webp[data] & 0xFF) != 0x2F) {
                        throw new Malformed("corrupt WEBP data: bad lossless signature");
                    }
                    BitReader bits = new BitReader(webp, data + 1, dataEnd);
                    int w = bits.read(14) + 1;
                    int h = bits.read(14) + 1;
                    bits.read(1); // alpha hint
                    if (bits.read(3) != 0) {
                        throw new Malformed("corrupt WEBP data: unknown lossless version");
                    }
                    checkImageStream(bits, w, h);
                }
                case "ALPH" -> {
                    if ((webp[data] & 0x03) == 1) { // lossless-compressed alpha: a headerless VP8L stream
                        checkImageStream(new BitReader(webp, data + 1, dataEnd), canvasWidth, canvasHeight);
                    }
                }
                case "ANMF" -> checkChunks(webp, data + 16, dataEnd, le24(webp, data + 6) + 1, le24(webp, data + 9) + 1);
                default -> {
                    // other chunks carry no lossless bitstream
                }
            }
            at = data + (int) Math.min(Integer.MAX_VALUE - data - 1L, size + (size & 1));
        }
    }

    /** Transforms, then the main image's codes; the main image's pixel data is not read. */
    private static void checkImageStream(BitReader bits, int width, int height) {
        int xsize = width;
        boolean[] seen = new boolean[4];
        while (bits.read(1) == 1) {
            int type = bits.read(2);
            if (seen[type]) {
                throw new Malformed("corrupt WEBP data: a lossless transform is repeated");
            }
            seen[type] = true;
            switch (type) {
                case 0, 1 -> { // predictor, colour transform: a sub-image of one value per block
                    int blockBits = bits.read(3) + 2;
                    skipEntropyImage(bits, subSampled(xsize, blockBits), subSampled(height, blockBits), false);
                }
                case 3 -> { // colour indexing: a palette, after which pixels are packed
                    int colours = bits.read(8) + 1;
                    skipEntropyImage(bits, colours, 1, false);
                    int packing = colours > 16 ? 0 : colours > 4 ? 1 : colours > 2 ? 2 : 3;
                    xsize = subSampled(xsize, packing);
                }
                default -> {
                    // subtract green has no data
                }
            }
        }
        int cacheBits = colourCacheBits(bits);
        int groups = 1;
        if (bits.read(1) == 1) {
            int prefixBits = bits.read(3) + 2;
            groups = skipEntropyImage(bits, subSampled(xsize, prefixBits), subSampled(height, prefixBits), true);
        }
        for (int g = 0; g < groups; g++) {
            readCodeGroup(bits, cacheBits);
        }
    }

    /**
     * Entropy-decodes a sub-image (no meta codes) just far enough to pass it.
     *
     * @return with {@code groupIndices}: 1 + the largest code-group index it holds (red and green), else 0
     */
    private static int skipEntropyImage(BitReader bits, int width, int height, boolean groupIndices) {
        int cacheBits = colourCacheBits(bits);
        PrefixCode[] codes = readCodeGroup(bits, cacheBits);
        long pixels = (long) width * height;
        int largest = 0;
        for (long at = 0; at < pixels; ) {
            int green = codes[0].decode(bits);
            if (green < NUM_LITERAL) {
                int red = codes[1].decode(bits);
                codes[2].decode(bits);
                codes[3].decode(bits);
                largest = Math.max(largest, (red << 8) | green);
                at++;
            } else if (green < NUM_LITERAL + NUM_LENGTH_PREFIXES) {
                int length = prefixValue(bits, green - NUM_LITERAL);
                prefixValue(bits, codes[4].decode(bits)); // distance: its value does not matter here
                at += length;
                if (at > pixels) {
                    throw new Malformed("corrupt WEBP data: a backward reference runs past the image");
                }
            } else {
                at++; // a colour-cache hit repeats a value already seen
            }
        }
        return groupIndices ? largest + 1 : 0;
    }

    private static int colourCacheBits(BitReader bits) {
        if (bits.read(1) == 0) {
            return 0;
        }
        int cacheBits = bits.read(4);
        if (cacheBits < 1 || cacheBits > 11) {
            throw new Malformed("corrupt WEBP data: bad colour cache size");
        }
        return cacheBits;
    }

    private static PrefixCode[] readCodeGroup(BitReader bits, int cacheBits) {
        int green = NUM_LITERAL + NUM_LENGTH_PREFIXES + (cacheBits > 0 ? 1 << cacheBits : 0);
        return new PrefixCode[] {readCode(bits, green), readCode(bits, NUM_LITERAL), readCode(bits, NUM_LITERAL),
                readCode(bits, NUM_LITERAL), readCode(bits, NUM_DISTANCE_PREFIXES)};
    }

    private static PrefixCode readCode(BitReader bits, int alphabet) {
        int[] lengths = new int[alphabet];
        if (bits.read(1) == 1) { // simple code: one or two symbols
            int symbols = bits.read(1) + 1;
            int first = bits.read(bits.read(1) == 0 ? 1 : 8);
            if (first < alphabet) {
                lengths[first] = 1;
            }
            if (symbols == 2) {
                int second = bits.read(8);
                if (second < alphabet) {
                    lengths[second] = 1;
                }
            }
            return PrefixCode.of(lengths, true);
        }
        int[] codeLengthLengths = new int[CODE_LENGTH_ORDER.length];
        int stored = bits.read(4) + 4;
        for (int i = 0; i < stored; i++) {
            codeLengthLengths[CODE_LENGTH_ORDER[i]] = bits.read(3);
        }
        PrefixCode codeLengthCode = PrefixCode.of(codeLengthLengths, false);
        int maxSymbol = alphabet;
        if (bits.read(1) == 1) {
            int lengthBits = 2 + 2 * bits.read(3);
            maxSymbol = 2 + bits.read(lengthBits);
            if (maxSymbol > alphabet) {
                throw new Malformed("corrupt WEBP data: a prefix code has too many code lengths");
            }
        }
        int previous = 8;
        for (int symbol = 0; symbol < alphabet && maxSymbol-- > 0; ) {
            int length = codeLengthCode.decode(bits);
            if (length < 16) {
                lengths[symbol++] = length;
                if (length != 0) {
                    previous = length;
                }
            } else {
                int repeat = length == 16 ? bits.read(2) + 3 : length == 17 ? bits.read(3) + 3 : bits.read(7) + 11;
                if (symbol + repeat > alphabet) {
                    throw new Malformed("corrupt WEBP data: code lengths run past the alphabet");
                }
                int value = length == 16 ? previous : 0;
                for (int r = 0; r < repeat; r++) {
                    lengths[symbol++] = value;
                }
            }
        }
        return PrefixCode.of(lengths, false);
    }

    /** Length and distance prefixes: small values directly, larger ones with extra bits. */
    private static int prefixValue(BitReader bits, int prefix) {
        if (prefix < 4) {
            return prefix + 1;
        }
        int extraBits = (prefix - 2) >> 1;
        int offset = (2 + (prefix & 1)) << extraBits;
        return offset + bits.read(extraBits) + 1;
    }

    private static int subSampled(int size, int bits) {
        return (size + (1 << bits) - 1) >> bits;
    }

    private static long le32(byte[] b, int at) {
        return (b[at] & 0xFFL) | (b[at + 1] & 0xFFL) << 8 | (b[at + 2] & 0xFFL) << 16 | (b[at + 3] & 0xFFL) << 24;
    }

    private static int le24(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8 | (b[at + 2] & 0xFF) << 16;
    }

    /** A canonical prefix code, decoded bit by bit (only the small sub-images are decoded with it). */
    private static final class PrefixCode {
        private final int[] counts = new int[MAX_LENGTH + 1];
        private final int[] symbols;
        private final int single;

        private PrefixCode(int[] lengths, int used) {
            symbols = new int[used];
            int[] offsets = new int[MAX_LENGTH + 2];
            for (int length : lengths) {
                counts[length]++;
            }
            counts[0] = 0;
            for (int len = 1; len <= MAX_LENGTH; len++) {
                offsets[len + 1] = offsets[len] + counts[len];
            }
            int only = -1;
            for (int symbol = 0; symbol < lengths.length; symbol++) {
                if (lengths[symbol] != 0) {
                    symbols[offsets[lengths[symbol]]++] = symbol;
                    only = symbol;
                }
            }
            single = used == 1 ? only : -1;
        }

        /** Complete codes only, or a single symbol (coded with zero bits). */
        static PrefixCode of(int[] lengths, boolean simple) {
            int used = 0;
            long space = 0;
            for (int length : lengths) {
                if (length != 0) {
                    used++;
                    space += 1L << (MAX_LENGTH - length);
                }
            }
            if (used == 0 || (used > 1 && space != 1L << MAX_LENGTH)) {
                throw new Malformed("corrupt WEBP data: invalid lossless prefix code ("
                        + (used == 0 ? "no symbols" : space > 1L << MAX_LENGTH ? "over-subscribed" : "incomplete")
                        + (simple ? ", simple" : "") + ")");
            }
            return new PrefixCode(lengths, used);
        }

        int decode(BitReader bits) {
            if (single >= 0) {
                return single;
            }
            int code = 0;
            int first = 0;
            int index = 0;
            for (int len = 1; len <= MAX_LENGTH; len++) {
                code |= bits.read(1);
                int count = counts[len];
                if (code - first < count) {
                    return symbols[index + code - first];
                }
                index += count;
                first = (first + count) << 1;
                code <<= 1;
            }
            throw new Malformed("corrupt WEBP data: no prefix code matches");
        }
    }

    /** Least-significant bit first; reading past the end throws ArrayIndexOutOfBoundsException. */
    private static final class BitReader {
        private final byte[] data;
        private final int end;
        private long position;

        BitReader(byte[] data, int from, int end) {
            this.data = data;
            this.end = end;
            this.position = (long) from * 8;
        }

        int read(int count) {
            int value = 0;
            for (int i = 0; i < count; i++, position++) {
                int index = (int) (position >> 3);
                if (index >= end) {
                    throw new ArrayIndexOutOfBoundsException(index);
                }
                value |= ((data[index] >> (position & 7)) & 1) << i;
            }
            return value;
        }
    }
}
