package com.renovation.media.storage.filetype;

import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * Walks a file's own container structure as its bytes stream past, in constant memory, and refuses what a
 * polyglot (a file that is also a ZIP, HTML or script) needs: data after the container's end, length fields that
 * lie, and an archive readable inside it. Feed every byte once, in order, then ask {@link #refusal()}.
 */
public abstract sealed class ContainerCheck permits JpegWalk, PngWalk, WebpWalk, BmffWalk, PdfWalk {

    private final String format;
    private final ArchiveSignatures archives = new ArchiveSignatures();
    private long offset;
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
            case HEIC -> new BmffWalk();
            case PDF -> new PdfWalk();
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
        for (int i = bytes.position(); i < bytes.limit(); i++, offset++) {
            int b = bytes.get(i) & 0xFF;
            archives.next(b, offset);
            if (trailingFrom < 0 && corruption == null) {
                walk(b);
            }
        }
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

    /** The container's structure is broken; nothing more is walked. */
    final void corrupt(String why) {
        corruption = why;
    }

    /** The container ended at {@code end}; whatever follows it is refused. Nothing more is walked. */
    final void dataAfterEnd(long end) {
        trailingFrom = end;
    }
}
