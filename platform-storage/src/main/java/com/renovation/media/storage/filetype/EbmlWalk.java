package com.renovation.media.storage.filetype;

import java.util.Set;

/**
 * Walks a WebM file's EBML elements: the EBML header first, then one Segment whose children (seek head, info,
 * tracks, clusters, cues…) must fill it exactly; nothing may follow it. A Segment of unknown size (a live
 * recording's, as browsers' MediaRecorder writes) runs to the end of the file, and so may its Clusters, each ended
 * by the next top-level child: every byte still belongs to an element whose size is known or bounded. Matroska's
 * Attachments (arbitrary files inside the video) are not WebM and are refused.
 */
final class EbmlWalk extends ContainerCheck {

    private static final int EBML_HEADER = 0x1A45DFA3;
    private static final int SEGMENT = 0x18538067;
    private static final int CLUSTER = 0x1F43B675;
    private static final int ATTACHMENTS = 0x1941A469;
    private static final int VOID = 0xEC;
    /** The Segment's children that end a Cluster of unknown size when they appear. */
    private static final Set<Integer> SEGMENT_CHILDREN = Set.of(0x114D9B74, 0x1549A966, 0x1654AE6B, CLUSTER,
            0x1C53BB6B, 0x1043A770, 0x1254C367, ATTACHMENTS);
    private static final long UNKNOWN = EbmlReader.UNKNOWN_SIZE;

    private enum Level { TOP, SEGMENT, OPEN_CLUSTER }

    private Level level = Level.TOP;
    private long elementStart;
    private int idLength;
    private int idSeen;
    private int id;
    private int sizeLength;
    private int sizeSeen;
    private long size;
    private boolean headerSeen;
    private boolean segmentSeen;
    private long segmentEnd;

    EbmlWalk() {
        super("WebM");
    }

    @Override
    void walk(int b) {
        if (idSeen == 0) {
            startElement(b);
            if (idLength == 0) {
                return;
            }
        }
        if (idSeen < idLength) {
            id = id << 8 | b;
            idSeen++;
            return;
        }
        if (sizeSeen == 0) {
            sizeLength = EbmlReader.length(b);
            if (sizeLength == 0) {
                corrupt("its EBML element at byte " + elementStart + " has a malformed size");
                return;
            }
            size = b & (0xFF >> sizeLength);
        } else {
            size = size << 8 | b;
        }
        if (++sizeSeen == sizeLength) {
            element(EbmlReader.isUnknown(size, sizeLength) ? UNKNOWN : size);
            idSeen = 0;
            sizeSeen = 0;
            id = 0;
        }
    }

    private void startElement(int b) {
        elementStart = offset();
        if (level != Level.TOP && segmentEnd != UNKNOWN && elementStart == segmentEnd) {
            level = Level.TOP; // the Segment is full: anything more is after the file's end
        }
        if (level == Level.TOP && segmentSeen) {
            dataAfterEnd(elementStart);
            idLength = 0;
            return;
        }
        idLength = EbmlReader.length(b);
        if (idLength == 0 || idLength > 4) {
            corrupt("its EBML element at byte " + elementStart + " has a malformed ID");
            idLength = 0;
        }
    }

    private void element(long declared) {
        long headerEnd = offset() + 1;
        if (level != Level.TOP && segmentEnd != UNKNOWN
                && (headerEnd > segmentEnd || declared != UNKNOWN && declared > segmentEnd - headerEnd)) {
            corrupt("its EBML element at byte " + elementStart + " runs past the end of its Segment");
            return;
        }
        if (level == Level.OPEN_CLUSTER && (SEGMENT_CHILDREN.contains(id) || id == SEGMENT || id == EBML_HEADER)) {
            level = Level.SEGMENT;
        }
        switch (level) {
            case TOP -> topLevel(declared, headerEnd);
            case SEGMENT -> segmentChild(declared);
            case OPEN_CLUSTER -> known(declared);
        }
    }

    private void topLevel(long declared, long headerEnd) {
        if (!headerSeen) {
            if (id != EBML_HEADER || declared == UNKNOWN) {
                corrupt("it does not start with an EBML header");
                return;
            }
            headerSeen = true;
            skip(declared);
        } else if (id == SEGMENT) {
            segmentSeen = true;
            segmentEnd = declared == UNKNOWN ? UNKNOWN : headerEnd + declared;
            level = Level.SEGMENT; // its children are walked, not skipped
        } else if (id == VOID) {
            known(declared);
        } else {
            corrupt("its EBML element 0x" + Integer.toHexString(id) + " at byte " + elementStart
                    + " is neither the EBML header nor a Segment");
        }
    }

    private void segmentChild(long declared) {
        if (id == ATTACHMENTS) {
            corrupt("it carries Matroska attachments (files inside the video), which WebM does not allow");
        } else if (id == SEGMENT || id == EBML_HEADER) {
            corrupt("its EBML element at byte " + elementStart + " starts a second EBML document inside the first");
        } else if (declared == UNKNOWN && id == CLUSTER) {
            level = Level.OPEN_CLUSTER; // ended by the next child of the Segment, or by the Segment's end
        } else {
            known(declared);
        }
    }

    private void known(long declared) {
        if (declared == UNKNOWN) {
            corrupt("its EBML element 0x" + Integer.toHexString(id) + " at byte " + elementStart
                    + " has an unknown size, which only a Segment or a Cluster may have");
            return;
        }
        skip(declared);
    }

    @Override
    void atEnd() {
        if (idSeen > 0 || sizeSeen > 0) {
            corrupt("its EBML element at byte " + elementStart + " is cut inside its header");
        } else if (skipLeft() > 0) {
            corrupt("its EBML element at byte " + elementStart + " declares more bytes than the file holds ("
                    + skipLeft() + " missing)");
        } else if (!headerSeen) {
            corrupt("it holds no complete EBML header");
        } else if (!segmentSeen) {
            corrupt("it holds no Segment");
        } else if (level != Level.TOP && segmentEnd != UNKNOWN && offset() != segmentEnd) {
            corrupt("the file ends " + (segmentEnd - offset()) + " bytes before the end its Segment declares");
        }
    }
}
