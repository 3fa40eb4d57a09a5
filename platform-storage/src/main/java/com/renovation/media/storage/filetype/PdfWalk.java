package com.renovation.media.storage.filetype;

/**
 * Finds a PDF's final %%EOF marker: after it only whitespace may follow. Incremental updates append a new body,
 * cross-reference section and trailer each ending with its own %%EOF, so the last marker is the file's end;
 * bytes after it belong to no revision and are what a ZIP, HTML or script appended to the document would be.
 * (An appended ZIP whose comment spells %%EOF is caught by its archive signature.)
 */
final class PdfWalk extends ContainerCheck {

    private static final long EOF_MARKER = 0x25_25_45_4F_46L; // "%%EOF"
    private static final long FIVE_BYTES = 0xFF_FFFF_FFFFL;

    private long window;
    private long lastEofEnd = -1;
    private boolean dataSinceEof;

    PdfWalk() {
        super("PDF");
    }

    @Override
    void walk(int b) {
        window = (window << 8 | b) & FIVE_BYTES;
        if (window == EOF_MARKER) {
            lastEofEnd = offset() + 1;
            dataSinceEof = false;
        } else if (!isWhitespace(b)) {
            dataSinceEof = true;
        }
    }

    @Override
    void atEnd() {
        if (lastEofEnd < 0) {
            corrupt("its PDF data has no %%EOF marker");
        } else if (dataSinceEof) {
            dataAfterEnd(lastEofEnd);
        }
    }

    @Override
    String endName() {
        return "its final %%EOF";
    }

    /** PDF's white-space characters: NUL, tab, line feed, form feed, carriage return, space. */
    private static boolean isWhitespace(int b) {
        return b == 0 || b == '\t' || b == '\n' || b == '\f' || b == '\r' || b == ' ';
    }
}
