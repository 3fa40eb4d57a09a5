package com.renovation.media.storage.filetype;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the meta box of a HEIF file (HEIC, HEIF, AVIF; ISO/IEC 23008-12) says about its images, read without
 * decoding anything: the primary item, the size it declares (its ispe property), whether an alpha plane belongs to
 * it, and every item's entry. Enough to refuse a decompression bomb before a decoder runs.
 *
 * <p>Bounded for hostile input: only the bytes given are read, every length must fit inside its parent, at most
 * {@link #MAX_BOXES} boxes are looked at, and anything that does not add up refuses the whole container.
 *
 * @param primaryItem the item the pitm box names
 * @param primarySize the width and height of the primary item's ispe property, if it has one
 * @param primaryHasAlpha an auxiliary item marked as alpha plane references the primary item
 * @param items every item entry (infe), in file order
 */
public record HeifMeta(long primaryItem, Optional<ImageHeader.Dimensions> primarySize, boolean primaryHasAlpha,
        List<Item> items) {

    /** Boxes looked at, in all: a camera's HEIC has a few hundred (one item per grid tile). */
    static final int MAX_BOXES = 20_000;

    private static final Set<String> ALPHA_TYPES = Set.of("urn:mpeg:mpegB:cicp:systems:auxiliary:alpha",
            "urn:mpeg:hevc:2015:auxid:1");

    /**
     * One item entry.
     *
     * @param type its four-character type (hvc1, av01, grid, Exif…), empty for entries before version 2
     * @param hidden whether the entry says the item is not meant to be shown on its own
     * @param flagsByte the offset of the entry's last flags byte, whose lowest bit is the hidden flag
     */
    public record Item(long id, String type, boolean hidden, int flagsByte) {
    }

    /** The container's structure is broken or not HEIF; the message says where. */
    public static final class Malformed extends RuntimeException {
        Malformed(String reason) {
            super(reason);
        }
    }

    /**
     * Reads the meta box of {@code file} (the whole file, or its first bytes: boxes after meta may be cut).
     *
     * @throws Malformed no meta box, no primary item, or a box whose length does not fit
     */
    public static HeifMeta read(byte[] file) {
        return new Reader(file).meta();
    }

    /** A box: its type and where its header and payload lie. */
    private record Box(String type, int start, int payload, int end) {
    }

    private static final class Reader {
        private final byte[] data;
        private int boxes;
        private long primary = -1;
        private final List<Item> items = new ArrayList<>();
        private final List<Box> properties = new ArrayList<>();
        private final Map<Long, List<Integer>> associations = new HashMap<>();
        private final List<long[]> auxiliaryOf = new ArrayList<>(); // {from item, to item}

        Reader(byte[] data) {
            this.data = data;
        }

        HeifMeta meta() {
            Box meta = null;
            for (int at = 0; at < data.length && meta == null; ) {
                Box box = box(at, data.length, at == 0);
                if (box == null) {
                    break; // a box after ftyp cut by the end of what was given: meta was not before it
                }
                if (box.type().equals("meta")) {
                    meta = box;
                }
                at = box.end();
            }
            if (meta == null) {
                throw new Malformed("no complete meta box");
            }
            for (Box child : children(fields(meta, 4), meta.end())) { // meta is a full box
                switch (child.type()) {
                    case "pitm" -> primary = version(child) == 0 ? u16(fields(child, 6)) : u32(fields(child, 8));
                    case "iinf" -> itemInfo(child);
                    case "iprp" -> itemProperties(child);
                    case "iref" -> references(child);
                    default -> { }
                }
            }
            if (primary < 0) {
                throw new Malformed("no primary item (pitm)");
            }
            Optional<ImageHeader.Dimensions> size = propertiesOf(primary).stream()
                    .filter(p -> p.type().equals("ispe")).findFirst()
                    .map(p -> new ImageHeader.Dimensions(clamp(u32(fields(p, 12))), clamp(u32(p.payload() + 8))));
            boolean alpha = auxiliaryOf.stream().anyMatch(ref -> ref[1] == primary && isAlpha(ref[0]));
            return new HeifMeta(primary, size, alpha, List.copyOf(items));
        }

        private void itemInfo(Box iinf) {
            int countSize = version(iinf) == 0 ? 2 : 4;
            for (Box infe : children(fields(iinf, 4 + countSize) + countSize, iinf.end())) {
                if (!infe.type().equals("infe")) {
                    continue;
                }
                int version = version(infe);
                int idSize = version == 3 ? 4 : 2;
                int at = fields(infe, 4 + idSize + 2 + (version >= 2 ? 4 : 0));
                long id = idSize == 4 ? u32(at) : u16(at);
                int typeAt = at + idSize + 2; // after item_ID and item_protection_index
                String type = version >= 2 ? new String(data, typeAt, 4, StandardCharsets.ISO_8859_1) : "";
                boolean hidden = (data[infe.payload() + 3] & 1) != 0;
                items.add(new Item(id, type, hidden, infe.payload() + 3));
            }
        }

        private void itemProperties(Box iprp) {
            for (Box child : children(iprp.payload(), iprp.end())) {
                if (child.type().equals("ipco")) {
                    properties.addAll(children(child.payload(), child.end()));
                } else if (child.type().equals("ipma")) {
                    associations(child);
                }
            }
        }

        /** ipma: for each item, the 1-based indexes of its properties in ipco (0 means none). */
        private void associations(Box ipma) {
            int version = version(ipma);
            int at = fields(ipma, 8);
            boolean wideIndexes = (data[ipma.payload() + 3] & 1) != 0;
            long entries = u32(at);
            at += 4;
            for (long e = 0; e < entries; e++) {
                long item = version < 1 ? u16(at) : u32(at);
                at += version < 1 ? 2 : 4;
                int count = u8(at);
                at += 1;
                List<Integer> indexes = associations.computeIfAbsent(item, k -> new ArrayList<>());
                for (int a = 0; a < count; a++) {
                    int index = wideIndexes ? u16(at) & 0x7FFF : u8(at) & 0x7F;
                    at += wideIndexes ? 2 : 1;
                    indexes.add(index);
                }
                if (at > ipma.end()) {
                    throw new Malformed("its ipma box lists more associations than it holds");
                }
            }
        }

        /** iref: typed references between items; only auxl (auxiliary image of) is needed here. */
        private void references(Box iref) {
            int idSize = version(iref) == 0 ? 2 : 4;
            for (Box reference : children(iref.payload() + 4, iref.end())) {
                int at = reference.payload();
                if (reference.end() - at < idSize + 2) {
                    throw new Malformed("its " + printable(reference.type()) + " reference is too short for its fields");
                }
                long from = idSize == 2 ? u16(at) : u32(at);
                int count = u16(at + idSize);
                at += idSize + 2;
                if (at + (long) count * idSize > reference.end()) {
                    throw new Malformed("its " + reference.type() + " reference lists more items than it holds");
                }
                for (int r = 0; r < count && reference.type().equals("auxl"); r++) {
                    auxiliaryOf.add(new long[] {from, idSize == 2 ? u16(at) : u32(at)});
                    at += idSize;
                }
            }
        }

        private List<Box> propertiesOf(long item) {
            List<Box> found = new ArrayList<>();
            for (int index : associations.getOrDefault(item, List.of())) {
                if (index > 0 && index <= properties.size()) {
                    found.add(properties.get(index - 1));
                }
            }
            return found;
        }

        private boolean isAlpha(long item) {
            return propertiesOf(item).stream().filter(p -> p.type().equals("auxC"))
                    .anyMatch(p -> ALPHA_TYPES.contains(ascii(fields(p, 4), p.end())));
        }

        /** The boxes that exactly fill {@code from}..{@code end}. */
        private List<Box> children(int from, int end) {
            List<Box> children = new ArrayList<>();
            for (int at = from; at < end; ) {
                Box box = box(at, end, false);
                if (box == null) {
                    throw new Malformed("a box at byte " + at + " does not fit inside its parent");
                }
                children.add(box);
                at = box.end();
            }
            return children;
        }

        /** The box at {@code at}, if it ends by {@code limit}; the first box of the file must be ftyp. */
        private Box box(int at, int limit, boolean first) {
            if (++boxes > MAX_BOXES) {
                throw new Malformed("more than " + MAX_BOXES + " boxes");
            }
            if (at + 8 > limit) {
                return null;
            }
            long size = u32(at);
            String type = new String(data, at + 4, 4, StandardCharsets.ISO_8859_1);
            int header = 8;
            if (size == 1) {
                if (at + 16 > limit) {
                    return null;
                }
                size = (u32(at + 8) << 32) | u32(at + 12);
                header = 16;
            } else if (size == 0) {
                size = limit - at; // to the end of its parent
            }
            if (first && !type.equals("ftyp")) {
                throw new Malformed("its first box is not ftyp");
            }
            if (size < header) {
                throw new Malformed("its " + printable(type) + " box at byte " + at + " is shorter than its header");
            }
            if (size > limit - at) {
                return null;
            }
            return new Box(type, at, at + header, (int) (at + size));
        }

        /** A full box's version (the first byte of its payload). */
        private int version(Box box) {
            return u8(fields(box, 4) - 4);
        }

        /**
         * Where a full box's fields start (after version and flags), once its payload is known to hold at least
         * {@code length} bytes counted from the version.
         */
        private int fields(Box box, int length) {
            if (box.end() - box.payload() < length) {
                throw new Malformed("its " + printable(box.type()) + " box is too short for its fields");
            }
            return box.payload() + 4;
        }

        private int u8(int at) {
            check(at, 1);
            return data[at] & 0xFF;
        }

        private int u16(int at) {
            check(at, 2);
            return (data[at] & 0xFF) << 8 | (data[at + 1] & 0xFF);
        }

        private long u32(int at) {
            check(at, 4);
            return (data[at] & 0xFFL) << 24 | (data[at + 1] & 0xFFL) << 16 | (data[at + 2] & 0xFFL) << 8
                    | (data[at + 3] & 0xFFL);
        }

        private void check(int at, int length) {
            if (at < 0 || at + length > data.length) {
                throw new Malformed("a box ends inside its own fields");
            }
        }

        /** A zero-terminated string (or four-character code) that must end within {@code end}. */
        private String ascii(int at, int end) {
            int stop = at;
            while (stop < end && stop < data.length && data[stop] != 0) {
                stop++;
            }
            return at >= end ? "" : new String(data, at, stop - at, StandardCharsets.ISO_8859_1);
        }

        private static String printable(String type) {
            return type.chars().allMatch(c -> c >= 0x20 && c < 0x7F) ? type : "unnamed";
        }

        /** ispe's fields are unsigned 32-bit: larger than any int is as refused as Integer.MAX_VALUE. */
        private static int clamp(long value) {
            return (int) Math.min(value, Integer.MAX_VALUE);
        }
    }
}
