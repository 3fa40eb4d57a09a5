package com.renovation.media.storage.filetype;

/**
 * Walks a PNG by its chunk lengths from the signature to the IEND chunk, which must end the file. CRCs are not
 * verified: they guard against transmission errors, not against someone who can write any bytes.
 */
final class PngWalk extends ContainerCheck {

    private static final int[] SIGNATURE = {0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    private static final int IHDR = 0x49484452;
    private static final int IEND = 0x49454E44;
    private static final long MAX_CHUNK = 0x7FFF_FFFFL;

    private int signatureSeen;
    private int headerSeen;
    private long length;
    private int type;
    private boolean first = true;
    private boolean ended;

    PngWalk() {
        super("PNG");
    }

    @Override
    void walk(int b) {
        if (signatureSeen < SIGNATURE.length) {
            if (b != SIGNATURE[signatureSeen++]) {
                corrupt("it does not start with the PNG signature");
            }
        } else if (ended) {
            dataAfterEnd(offset());
        } else {
            header(b);
        }
    }

    /** Length (4 bytes) and type (4 ASCII letters) of a chunk; then its data and CRC are skipped. */
    private void header(int b) {
        if (headerSeen < 4) {
            length = length << 8 | b;
        } else {
            type = type << 8 | b;
            if (!(b >= 'A' && b <= 'Z' || b >= 'a' && b <= 'z')) {
                corrupt("its PNG data has a chunk type that is not four letters");
                return;
            }
        }
        if (++headerSeen < 8) {
            return;
        }
        if (length > MAX_CHUNK) {
            corrupt("its PNG data has a chunk longer than 2^31 - 1 bytes");
            return;
        }
        if (first != (type == IHDR)) {
            corrupt("its PNG data does not begin with exactly one IHDR chunk");
            return;
        }
        if (type == IEND && length != 0) {
            corrupt("its PNG IEND chunk is not empty");
            return;
        }
        first = false;
        ended = type == IEND;
        skip(length + 4); // data and CRC
        headerSeen = 0;
        length = 0;
        type = 0;
    }

    @Override
    void atEnd() {
        if (!ended || skipLeft() > 0) {
            corrupt("its PNG data ends before the IEND chunk");
        }
    }
}
