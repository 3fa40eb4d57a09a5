package com.renovation.media.storage.filetype;

import java.util.Optional;

/** Width and height of an image read from its header bytes alone (no pixel is decoded). */
public final class ImageHeader {

    public record Dimensions(int width, int height) {
        public long pixels() {
            return (long) width * height;
        }
    }

    private ImageHeader() {
    }

    public static Optional<Dimensions> dimensions(FileType type, byte[] head) {
        try {
            return Optional.ofNullable(switch (type) {
                case JPEG -> jpeg(head);
                case PNG -> png(head);
                case WEBP -> webp(head);
                case HEIC, AVIF -> heif(head);
                case PDF -> null;
                case MP4, MOV, WEBM -> null; // a video's size is the probe's (variant-worker)
            }).filter(d -> d.width() > 0 && d.height() > 0);
        } catch (ArrayIndexOutOfBoundsException | HeifMeta.Malformed truncatedHeader) {
            return Optional.empty();
        }
    }

    /** The size the primary item declares (ispe), when the meta box lies within {@code head}. */
    private static Dimensions heif(byte[] head) {
        return HeifMeta.read(head).primarySize().orElse(null);
    }

    private static Dimensions png(byte[] b) {
        // signature (8) + IHDR length (4) + "IHDR" (4), then width and height as big-endian ints
        if (b.length < 24 || b[12] != 'I' || b[13] != 'H' || b[14] != 'D' || b[15] != 'R') {
            return null;
        }
        return new Dimensions(int32be(b, 16), int32be(b, 20));
    }

    /** Walks the JPEG segments to the first start-of-frame marker. */
    private static Dimensions jpeg(byte[] b) {
        int i = 2;
        while (i + 9 < b.length) {
            if ((b[i] & 0xFF) != 0xFF) {
                return null;
            }
            int marker = b[i + 1] & 0xFF;
            if (marker == 0xFF) {
                i++;
                continue;
            }
            int length = (b[i + 2] & 0xFF) << 8 | (b[i + 3] & 0xFF);
            boolean startOfFrame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8
                    && marker != 0xCC;
            if (startOfFrame) {
                int height = (b[i + 5] & 0xFF) << 8 | (b[i + 6] & 0xFF);
                int width = (b[i + 7] & 0xFF) << 8 | (b[i + 8] & 0xFF);
                return new Dimensions(width, height);
            }
            i += 2 + length;
        }
        return null;
    }

    private static Dimensions webp(byte[] b) {
        if (b.length < 30) {
            return null;
        }
        String chunk = new String(b, 12, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
        return switch (chunk) {
            case "VP8X" -> new Dimensions(1 + int24le(b, 24), 1 + int24le(b, 27));
            case "VP8 " -> new Dimensions((b[26] & 0xFF | (b[27] & 0xFF) << 8) & 0x3FFF,
                    (b[28] & 0xFF | (b[29] & 0xFF) << 8) & 0x3FFF);
            case "VP8L" -> {
                int bits = (b[21] & 0xFF) | (b[22] & 0xFF) << 8 | (b[23] & 0xFF) << 16 | (b[24] & 0xFF) << 24;
                yield new Dimensions((bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1);
            }
            default -> null;
        };
    }

    private static int int32be(byte[] b, int at) {
        return (b[at] & 0xFF) << 24 | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8 | (b[at + 3] & 0xFF);
    }

    private static int int24le(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8 | (b[at + 2] & 0xFF) << 16;
    }
}
