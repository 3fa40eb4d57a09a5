package com.renovation.media.variants.imaging;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Edits the meta box of a HEIF file that {@code heif-enc} wrote, as a camera would have written it: a rotation
 * (irot) added to the primary image's properties, or its declared size (ispe) changed. Adding a property grows
 * ipco, ipma, iprp and meta, so every box around them gets its new size and every iloc offset into the data
 * after meta moves by as much.
 */
public final class HeifBoxes {

    private HeifBoxes() {
    }

    /**
     * The file with an irot property on its primary image: shown turned by {@code quarterTurns} × 90° anticlockwise
     * (what libheif applies as it decodes, and what an iPhone writes for a picture taken in portrait).
     */
    public static byte[] withRotation(byte[] heif, int quarterTurns) {
        return withProperty(heif, box("irot", new byte[] {(byte) (quarterTurns & 3)}));
    }

    /** The file with every ispe property declaring {@code width}×{@code height}; the coded data stays. */
    public static byte[] withDeclaredSize(byte[] heif, int width, int height) {
        byte[] copy = heif.clone();
        Box meta = topLevel(heif, "meta");
        byte[] ispe = "ispe".getBytes(StandardCharsets.US_ASCII);
        int found = 0;
        for (int at = meta.start; at + 16 <= meta.end; at++) {
            if (java.util.Arrays.equals(copy, at, at + 4, ispe, 0, 4)) {
                ByteBuffer.wrap(copy).putInt(at + 8, width).putInt(at + 12, height); // after size, type, version+flags
                found++;
            }
        }
        if (found == 0) {
            throw new IllegalArgumentException("no ispe box");
        }
        return copy;
    }

    /** The file with {@code property} appended to ipco and associated (as essential) with the primary item. */
    static byte[] withProperty(byte[] heif, byte[] property) {
        Box meta = topLevel(heif, "meta");
        long primary = -1;
        List<byte[]> children = new ArrayList<>();
        for (Box child : children(heif, meta.payload + 4, meta.end)) {
            if (child.type.equals("pitm")) {
                primary = heif[child.payload] == 0 ? u16(heif, child.payload + 4) : u32(heif, child.payload + 4);
            }
        }
        for (Box child : children(heif, meta.payload + 4, meta.end)) {
            children.add(child.type.equals("iprp") ? iprp(heif, child, property, primary) : child.bytes(heif));
        }
        byte[] newMeta = box("meta", concat(slice(heif, meta.payload, meta.payload + 4), concat(children)));
        int delta = newMeta.length - (meta.end - meta.start);
        newMeta = withShiftedLocations(newMeta, meta.end, delta);
        return concat(slice(heif, 0, meta.start), newMeta, slice(heif, meta.end, heif.length));
    }

    private static byte[] iprp(byte[] heif, Box iprp, byte[] property, long primary) {
        List<Box> children = children(heif, iprp.payload, iprp.end);
        Box ipco = children.stream().filter(b -> b.type.equals("ipco")).findFirst().orElseThrow();
        int index = children(heif, ipco.payload, ipco.end).size() + 1;
        List<byte[]> rebuilt = new ArrayList<>();
        for (Box child : children) {
            if (child == ipco) {
                rebuilt.add(box("ipco", concat(slice(heif, ipco.payload, ipco.end), property)));
            } else if (child.type.equals("ipma")) {
                rebuilt.add(ipma(heif, child, primary, index));
            } else {
                rebuilt.add(child.bytes(heif));
            }
        }
        return box("iprp", concat(rebuilt.toArray(byte[][]::new)));
    }

    /** The ipma box with property {@code index} appended to the primary item's associations, marked essential. */
    private static byte[] ipma(byte[] heif, Box ipma, long primary, int index) {
        int version = heif[ipma.payload];
        boolean wide = (heif[ipma.payload + 3] & 1) != 0;
        ByteBuffer in = ByteBuffer.wrap(heif, ipma.payload + 4, ipma.end - ipma.payload - 4);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(slice(heif, ipma.payload, ipma.payload + 4));
        int entries = in.getInt();
        out.writeBytes(ByteBuffer.allocate(4).putInt(entries).array());
        for (int e = 0; e < entries; e++) {
            long item = version < 1 ? in.getShort() & 0xFFFF : in.getInt() & 0xFFFFFFFFL;
            int count = in.get() & 0xFF;
            byte[] associations = new byte[count * (wide ? 2 : 1)];
            in.get(associations);
            out.writeBytes(version < 1 ? ByteBuffer.allocate(2).putShort((short) item).array()
                    : ByteBuffer.allocate(4).putInt((int) item).array());
            boolean extra = item == primary;
            out.write(count + (extra ? 1 : 0));
            out.writeBytes(associations);
            if (extra) {
                out.writeBytes(wide ? ByteBuffer.allocate(2).putShort((short) (0x8000 | index)).array()
                        : new byte[] {(byte) (0x80 | index)});
            }
        }
        return box("ipma", out.toByteArray());
    }

    /**
     * iloc (inside {@code meta}): every extent stored in the file (construction method 0) at or after
     * {@code from} moves by {@code delta}; extents in idat (method 1) are relative to it and stay.
     */
    private static byte[] withShiftedLocations(byte[] meta, int from, int delta) {
        byte[] out = meta.clone();
        Box iloc = children(out, 12, out.length).stream().filter(b -> b.type.equals("iloc")).findFirst().orElseThrow();
        ByteBuffer b = ByteBuffer.wrap(out);
        int version = out[iloc.payload];
        int at = iloc.payload + 4;
        int offsetSize = (out[at] & 0xF0) >> 4;
        int lengthSize = out[at] & 0x0F;
        int baseOffsetSize = (out[at + 1] & 0xF0) >> 4;
        int indexSize = version == 1 || version == 2 ? out[at + 1] & 0x0F : 0;
        at += 2;
        long items = version < 2 ? u16(out, at) : u32(out, at);
        at += version < 2 ? 2 : 4;
        for (long i = 0; i < items; i++) {
            at += version < 2 ? 2 : 4; // item_ID
            int method = 0;
            if (version == 1 || version == 2) {
                method = u16(out, at) & 0x0F;
                at += 2;
            }
            at += 2; // data_reference_index
            int baseAt = at;
            long base = read(b, at, baseOffsetSize);
            at += baseOffsetSize;
            int extents = u16(out, at);
            at += 2;
            boolean shiftBase = method == 0 && baseOffsetSize > 0 && base >= from;
            if (shiftBase) {
                write(b, baseAt, baseOffsetSize, base + delta);
            }
            for (int e = 0; e < extents; e++) {
                at += indexSize;
                long offset = read(b, at, offsetSize);
                if (method == 0 && !shiftBase && base + offset >= from) {
                    write(b, at, offsetSize, offset + delta);
                }
                at += offsetSize + lengthSize;
            }
        }
        return out;
    }

    private static long read(ByteBuffer b, int at, int size) {
        return switch (size) {
            case 0 -> 0;
            case 4 -> b.getInt(at) & 0xFFFFFFFFL;
            case 8 -> b.getLong(at);
            default -> throw new IllegalArgumentException("iloc field of " + size + " bytes");
        };
    }

    private static void write(ByteBuffer b, int at, int size, long value) {
        if (size == 4) {
            b.putInt(at, (int) value);
        } else if (size == 8) {
            b.putLong(at, value);
        } else {
            throw new IllegalArgumentException("no iloc field to move: " + size + " bytes");
        }
    }

    private record Box(String type, int start, int payload, int end) {
        byte[] bytes(byte[] file) {
            return slice(file, start, end);
        }
    }

    private static Box topLevel(byte[] file, String type) {
        return children(file, 0, file.length).stream().filter(b -> b.type.equals(type)).findFirst().orElseThrow();
    }

    /** Plain 32-bit box sizes, as heif-enc writes them. */
    private static List<Box> children(byte[] file, int from, int end) {
        List<Box> boxes = new ArrayList<>();
        for (int at = from; at < end; ) {
            int size = (int) u32(file, at);
            if (size < 8 || at + size > end) {
                throw new IllegalArgumentException("unexpected box size " + size + " at " + at);
            }
            boxes.add(new Box(new String(file, at + 4, 4, StandardCharsets.US_ASCII), at, at + 8, at + size));
            at += size;
        }
        return boxes;
    }

    static byte[] box(String type, byte[] payload) {
        return ByteBuffer.allocate(8 + payload.length).putInt(8 + payload.length)
                .put(type.getBytes(StandardCharsets.US_ASCII)).put(payload).array();
    }

    private static byte[] slice(byte[] data, int from, int to) {
        return java.util.Arrays.copyOfRange(data, from, to);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static byte[] concat(List<byte[]> parts) {
        return concat(parts.toArray(byte[][]::new));
    }

    private static int u16(byte[] data, int at) {
        return (data[at] & 0xFF) << 8 | (data[at + 1] & 0xFF);
    }

    private static long u32(byte[] data, int at) {
        return (data[at] & 0xFFL) << 24 | (data[at + 1] & 0xFFL) << 16 | (data[at + 2] & 0xFFL) << 8 | (data[at + 3] & 0xFFL);
    }
}
