package com.renovation.media.storage.filetype;

/**
 * Walks the top-level boxes of an ISO-BMFF file (HEIC, HEIF, AVIF, MP4, QuickTime): from the ftyp box, each
 * box's size (32-bit, 64-bit when the size field is 1, or "to the end of the file" when it is 0) must lead exactly
 * to the next one, and the last one must end where the file ends.
 */
final class BmffWalk extends ContainerCheck {

    private static final int FTYP = 0x66747970;
    private static final int MOOV = 0x6D6F6F76;

    private int headerSeen;
    private long size;
    private int type;
    private long boxStart;
    private boolean first = true;
    private boolean toEnd;
    private final boolean movie;
    private boolean moovSeen;

    BmffWalk() {
        this("HEIF", false);
    }

    /**
     * A walk of an ISO-BMFF file of {@code format}; a {@code movie} (MP4, QuickTime) must also hold its moov box,
     * the index without which no player can read its media data.
     */
    BmffWalk(String format, boolean movie) {
        super(format);
        this.movie = movie;
    }

    @Override
    void walk(int b) {
        if (headerSeen == 0) {
            boxStart = offset();
        }
        if (headerSeen < 4) {
            size = size << 8 | b;
        } else if (headerSeen < 8) {
            type = type << 8 | b;
        } else {
            size = size << 8 | b;
        }
        headerSeen++;
        if (headerSeen == 8 && size == 1) {
            size = 0; // the real size follows as a 64-bit largesize
        } else if (headerSeen == 8 || headerSeen == 16) {
            boxHeader();
        }
    }

    private void boxHeader() {
        int headerLength = headerSeen;
        if (first && type != FTYP) {
            corrupt("its first ISO-BMFF box is not ftyp");
        } else if (size == 0 && headerLength == 8) {
            toEnd = true; // the last box, running to the end of the file
            skip(Long.MAX_VALUE);
        } else if (size < headerLength) {
            corrupt("its ISO-BMFF box at byte " + boxStart + " declares " + Long.toUnsignedString(size)
                    + " bytes, fewer than its header");
        } else {
            skip(size - headerLength);
        }
        moovSeen |= type == MOOV;
        first = false;
        headerSeen = 0;
        size = 0;
        type = 0;
    }

    @Override
    void atEnd() {
        if (first) {
            corrupt("it holds no complete ISO-BMFF box");
        } else if (!toEnd && (headerSeen > 0 || skipLeft() > 0)) {
            long declared = headerSeen > 0 ? -1 : offset() - boxStart + skipLeft();
            corrupt("its ISO-BMFF boxes do not add up to the file's size (the box at byte " + boxStart
                    + (declared < 0 ? " is cut inside its header)" : " declares " + declared + " bytes, "
                            + (offset() - boxStart) + " are left)"));
        } else if (movie && !moovSeen) {
            corrupt("it holds no moov box, the index of its media data");
        }
    }
}
