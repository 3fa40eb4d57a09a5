package com.renovation.media.storage.filetype;

import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * Walks a file's own container structure as its bytes stream past, in constant memory, and refuses what a
 * polyglot (a file that is also a ZIP, HTML or script) needs: data after the container's end, length fields that
 * lie, and an archive readable inside it. Feed every byte once, in order, then ask {@link #refusal()}.
 */
public abstract sealed class ContainerCheck permits JpegWalk, PngWalk, WebpWalk, BmffWalk, PdfWalk,
        EbmlWalk {

    private final String format;
    private final ArchiveSignatures archives = new ArchiveSignatures();
    private final byte[] scratch = new byte[8192];
    private long offset;
    private long skip;
    private long trailingFrom = -1;
    private String corruption;
    private Optional<String> verdict;

    ContainerCheck(String format) {
        this.format = format;
    }

    /** A fresh check for one file of this type. */
    public static ContainerCheck of(FileType type) {
        return switch (type) {
            case JPEG -> new JpegWalk();
            case PNG -> new PngWalk();
            case WEBP -> new WebpWalk();
            case HEIC, AVIF -> new BmffWalk();
            case PDF -> new PdfWalk();
            case MP4 -> new BmffWalk("MP4", true);
            case MOV -> new BmffWalk("QuickTime", true);
            case WEBM -> new EbmlWalk();
        };
    }

    /** Checks a file held whole in memory. */
    public static Optional<String> refusal(FileType type, byte[] file) {
        ContainerCheck check = of(type);
        check.update(ByteBuffer.wrap(file));
        return check.refusal();
    }

    /** Walks the buffer's remaining bytes without moving its position: others may read the same buffer. */
    public final void update(ByteBuffer bytes) {
        if (verdict != null) {
            throw new IllegalStateException("the check has already given its verdict");
        }
        for (int at = bytes.position(); at < bytes.limit(); ) {
            int length = Math.min(scratch.length, bytes.limit() - at);
            bytes.get(at, scratch, 0, length);
            seen(scratch, length);
            walk(scratch, length);
            at += length;
        }
    }

    private void walk(byte[] data, int length) {
        long start = offset;
        archives.scan(data, length, start);
        for (int i = 0; i < length && trailingFrom < 0 && corruption == null; i++) {
            if (skip > 0) {
                int skipped = (int) Math.min(skip, length - i);
                skip -= skipped;
                i += skipped - 1;
            } else {
                offset = start + i;
                walk(data[i] & 0xFF);
            }
        }
        offset = start + length;
    }

    /** Why the file must be refused, if it must; call after the last byte. */
    public final Optional<String> refusal() {
        if (verdict == null) {
            if (trailingFrom < 0 && corruption == null) {
                atEnd();
            }
            verdict = Optional.ofNullable(reason());
        }
        return verdict;
    }

    private String reason() {
        if (trailingFrom >= 0) {
            long trailing = offset - trailingFrom;
            return "the file carries " + trailing + (trailing == 1 ? " byte" : " bytes") + " after " + endName();
        }
        if (corruption != null) {
            return "the file is truncated or corrupt: " + corruption;
        }
        return archives.found(offset).map(archive -> "the file carries an archive (" + archive + ") inside its "
                + format + " data").orElse(null);
    }

    /** Every byte as it streams past, before the walk; for a check that needs the whole file at its end. */
    void seen(byte[] data, int length) {
    }

    /** Takes the byte at {@link #offset()}. */
    abstract void walk(int b);

    /** Called once after the last byte: reports a container cut short (or, for PDF, trailing data). */
    abstract void atEnd();

    /** How the refusal names the end of this container. */
    String endName() {
        return "the end of its " + format + " data";
    }

    /** The offset of the byte being walked; after the last byte, the file's size. */
    final long offset() {
        return offset;
    }

    /** The next {@code bytes} bytes are payload the container does not look into (segment, chunk, box data). */
    final void skip(long bytes) {
        skip = bytes;
    }

    /** Payload bytes still to come when the file ended (the container was cut short), or 0. */
    final long skipLeft() {
        return skip;
    }

    /** The container's structure is broken; nothing more is walked. */
    final void corrupt(String why) {
        corruption = why;
    }

    /** The container ended at {@code end}; whatever follows it is refused. Nothing more is walked. */
    final void dataAfterEnd(long end) {
        trailingFrom = end;
    }
}
