package com.renovation.media.storage.filetype;

/**
 * Walks a JPEG from its start-of-image marker: header segments by their lengths, each scan's entropy-coded data
 * (stuffed FF 00 and restart markers are data; a progressive image has many scans) to the end-of-image marker.
 * After it may follow only further whole JPEGs (multi-picture files: previews, depth and HDR gain maps that
 * phones store this way) and at most {@link #MAX_PADDING} bytes of 00 or FF padding, which some encoders write to
 * fill a block and which can spell no file signature.
 */
final class JpegWalk extends ContainerCheck {

    static final int MAX_PADDING = 4096;

    private enum State {
        START_FF, START_D8, MARKER_FF, MARKER, LENGTH_HIGH, LENGTH_LOW, SCAN, SCAN_FF, ENDED, ENDED_FF, PADDING
    }

    private State state = State.START_FF;
    private int marker;
    private int length;
    private boolean frame;
    private boolean scanned;
    private long imageEnd;
    private int padding;

    JpegWalk() {
        super("JPEG");
    }

    @Override
    void walk(int b) {
        switch (state) {
            case START_FF -> expect(b == 0xFF, State.START_D8);
            case START_D8 -> expect(b == 0xD8, State.MARKER_FF);
            case MARKER_FF -> {
                if (b == 0xFF) {
                    state = State.MARKER;
                } else {
                    corrupt("its JPEG data has bytes between segments where a marker belongs");
                }
            }
            case MARKER -> marker(b);
            case LENGTH_HIGH -> {
                length = b << 8;
                state = State.LENGTH_LOW;
            }
            case LENGTH_LOW -> segment(length | b);
            case SCAN -> {
                if (b == 0xFF) {
                    state = State.SCAN_FF;
                }
            }
            case SCAN_FF -> {
                if (b == 0x00 || isRestart(b)) {
                    state = State.SCAN; // a stuffed FF data byte or a restart marker: the scan goes on
                } else if (b != 0xFF) {
                    marker(b);
                }
            }
            case ENDED -> {
                if (b == 0xFF) {
                    state = State.ENDED_FF;
                } else {
                    pad(b);
                }
            }
            case ENDED_FF -> {
                if (b == 0xD8) {
                    frame = false; // the next picture of a multi-picture file
                    scanned = false;
                    state = State.MARKER_FF;
                } else {
                    padding = 1;
                    pad(b);
                }
            }
            case PADDING -> pad(b);
        }
    }

    private void expect(boolean ok, State next) {
        if (ok) {
            state = next;
        } else {
            corrupt("it does not start with a JPEG start-of-image marker");
        }
    }

    private void marker(int code) {
        if (code == 0xFF) {
            state = State.MARKER; // fill byte before a marker
        } else if (code == 0xD9) {
            if (!scanned) {
                corrupt("its JPEG data ends before any scan");
                return;
            }
            imageEnd = offset() + 1;
            padding = 0;
            state = State.ENDED;
        } else if (code == 0xD8 || code == 0x00) {
            corrupt("its JPEG data has a misplaced marker FF " + String.format("%02X", code));
        } else if (isRestart(code) || code == 0x01) {
            state = State.MARKER_FF; // markers without a length
        } else if (code == 0xDA && !frame) {
            corrupt("its JPEG data has a scan before any frame header");
        } else {
            marker = code;
            state = State.LENGTH_HIGH;
        }
    }

    private void segment(int declared) {
        if (declared < 2) {
            corrupt("its JPEG data has a segment of impossible length " + declared);
            return;
        }
        frame |= isStartOfFrame(marker);
        skip(declared - 2);
        if (marker == 0xDA) {
            scanned = true;
            state = State.SCAN;
        } else {
            state = State.MARKER_FF;
        }
    }

    private void pad(int b) {
        if ((b == 0x00 || b == 0xFF) && ++padding <= MAX_PADDING) {
            state = State.PADDING;
        } else {
            dataAfterEnd(imageEnd);
        }
    }

    @Override
    void atEnd() {
        if (state != State.ENDED && state != State.ENDED_FF && state != State.PADDING) {
            corrupt("its JPEG data ends before the end-of-image marker");
        }
    }

    private static boolean isRestart(int code) {
        return code >= 0xD0 && code <= 0xD7;
    }

    private static boolean isStartOfFrame(int code) {
        return code >= 0xC0 && code <= 0xCF && code != 0xC4 && code != 0xC8 && code != 0xCC;
    }
}
