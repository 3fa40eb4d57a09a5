package com.renovation.media.variants.imaging.vips;

import com.renovation.media.variants.imaging.SourceFormat;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * One libvips image: lazy (a recipe that computes strips on demand) until {@link #inMemory()}. Closing drops
 * this reference; libvips frees the pixels once no image built on them is left. Not thread-safe, but for
 * {@link #kill()}, which another thread may call to stop a computation at its next strip.
 */
public final class VipsImage implements AutoCloseable {

    private static final int ACCESS_SEQUENTIAL = 1;
    private static final int FAIL_ON_TRUNCATED = 1;
    private static final int SIZE_DOWN = 2;
    private static final int HEIF_COMPRESSION_AV1 = 4;
    private static final int TRUE = 1;
    private static final int INTERPRETATION_B_W = 1;
    private static final int INTERPRETATION_CMYK = 15;
    private static final int INTERPRETATION_GREY16 = 26;
    private static final int FORMAT_UCHAR = 0;
    private static final int FORMAT_USHORT = 2;

    private final Libvips vips;
    private final Arena arena;
    private final MemorySegment pointer;

    private VipsImage(Libvips vips, Arena arena, MemorySegment pointer) {
        this.vips = vips;
        this.arena = arena;
        this.pointer = pointer;
    }

    /**
     * Opens {@code source} with its format's loader, reading only the header now and the pixels once
     * something is computed, top to bottom, in one pass. A JPEG is decoded at 1/{@code shrink} of its size
     * (1, 2, 4 or 8) in the DCT domain, a WebP at that scale; a PNG in full. A truncated file fails when read.
     * {@code source} must stay valid as long as any image made from this one.
     */
    public static VipsImage load(Libvips vips, Arena arena, MemorySegment source, SourceFormat format, int shrink) {
        return made(vips, arena, "corrupt " + format + " header", out -> switch (format) {
            case JPEG -> (int) vips.jpegload.invokeExact(source, source.byteSize(), out,
                    arena.allocateFrom("shrink"), shrink, arena.allocateFrom("access"), ACCESS_SEQUENTIAL,
                    arena.allocateFrom("fail_on"), FAIL_ON_TRUNCATED, MemorySegment.NULL);
            case WEBP -> (int) vips.webpload.invokeExact(source, source.byteSize(), out,
                    arena.allocateFrom("scale"), 1.0 / shrink, arena.allocateFrom("access"), ACCESS_SEQUENTIAL,
                    arena.allocateFrom("fail_on"), FAIL_ON_TRUNCATED, MemorySegment.NULL);
            case PNG -> (int) vips.pngload.invokeExact(source, source.byteSize(), out,
                    arena.allocateFrom("access"), ACCESS_SEQUENTIAL,
                    arena.allocateFrom("fail_on"), FAIL_ON_TRUNCATED, MemorySegment.NULL);
            // its loader stays blocked: HEIF is decoded out of process (HeifDecoder) into a JPEG or PNG first
            case HEIF -> throw new VipsException("HEIF is never decoded by libvips here");
        });
    }

    /** A black sRGB image: for checking what the library can encode. */
    static VipsImage black(Libvips vips, Arena arena, int width, int height) {
        return made(vips, arena, "could not make an image", out -> (int) vips.black.invokeExact(out, width, height,
                arena.allocateFrom("bands"), 3, MemorySegment.NULL));
    }

    public int width() {
        return call(() -> (int) vips.width.invokeExact(pointer));
    }

    public int height() {
        return call(() -> (int) vips.height.invokeExact(pointer));
    }

    public boolean hasAlpha() {
        return call(() -> (int) vips.hasAlpha.invokeExact(pointer) != 0);
    }

    /**
     * In sRGB, as browsers show images without a profile: an embedded ICC profile (or, for CMYK without one, a
     * standard CMYK profile) is applied; 16-bit grey keeps its tone (libvips would take it as linear light).
     * The same image where nothing needs converting.
     */
    public VipsImage inSrgb() {
        int interpretation = call(() -> (int) vips.interpretation.invokeExact(pointer));
        boolean sixteenBitGrey = interpretation == INTERPRETATION_GREY16
                || call(() -> (int) vips.bandFormat.invokeExact(pointer)) == FORMAT_USHORT
                && call(() -> (int) vips.bands.invokeExact(pointer)) <= 2;
        if (sixteenBitGrey) {
            try (VipsImage eightBits = made(vips, arena, "could not convert 16-bit grey", out -> (int) vips.cast
                    .invokeExact(pointer, out, FORMAT_UCHAR, arena.allocateFrom("shift"), TRUE, MemorySegment.NULL))) {
                return made(vips, arena, "could not convert 16-bit grey", out -> (int) vips.copy.invokeExact(
                        eightBits.pointer, out, arena.allocateFrom("interpretation"), INTERPRETATION_B_W,
                        MemorySegment.NULL));
            }
        }
        boolean cmyk = interpretation == INTERPRETATION_CMYK;
        boolean profiled = call(() -> (long) vips.typeOf.invokeExact(pointer, arena.allocateFrom("icc-profile-data"))) != 0;
        if (!cmyk && !profiled) {
            return new VipsImage(vips, arena, reference());
        }
        return made(vips, arena, "could not convert the colours to sRGB", out -> (int) vips.iccTransform.invokeExact(
                pointer, out, arena.allocateFrom("srgb"), arena.allocateFrom("embedded"), TRUE,
                arena.allocateFrom("input_profile"), arena.allocateFrom(cmyk ? "cmyk" : "srgb"), MemorySegment.NULL));
    }

    /**
     * Fitted into {@code maxWidth}×{@code maxHeight}, never enlarged: turned upright by its EXIF orientation,
     * resized with Lanczos3 (alpha premultiplied while resizing). Colours as they are: see {@link #inSrgb()}.
     */
    public VipsImage thumbnail(int maxWidth, int maxHeight) {
        return made(vips, arena, "could not resize", out -> (int) vips.thumbnailImage.invokeExact(pointer, out,
                maxWidth, arena.allocateFrom("height"), maxHeight, arena.allocateFrom("size"), SIZE_DOWN,
                MemorySegment.NULL));
    }

    /** Computes the pixels once into memory, so that several encodes and resizes read them without recomputing. */
    public VipsImage inMemory() {
        MemorySegment copy = call(() -> (MemorySegment) vips.copyMemory.invokeExact(pointer));
        if (copy.equals(MemorySegment.NULL)) {
            throw new VipsException(vips.lastError());
        }
        return new VipsImage(vips, arena, copy);
    }

    /**
     * A further reference to the same pixels whose calls allocate their arguments in {@code arena}: for another
     * thread, which may read an image while its maker does too (libvips images are immutable once made).
     */
    public VipsImage referencedIn(Arena arena) {
        return new VipsImage(vips, arena, reference());
    }

    /** Transparency composited over white (JPEG has no alpha); the same image when it has none. */
    public VipsImage flattenedOnWhite() {
        if (!hasAlpha()) {
            return new VipsImage(vips, arena, reference());
        }
        MemorySegment white = arena.allocate(JAVA_DOUBLE, 3);
        for (int band = 0; band < 3; band++) {
            white.setAtIndex(JAVA_DOUBLE, band, 255.0);
        }
        MemorySegment background = call(() -> (MemorySegment) vips.arrayDouble.invokeExact(white, 3));
        try {
            return made(vips, arena, "could not flatten transparency", out -> (int) vips.flatten.invokeExact(pointer,
                    out, arena.allocateFrom("background"), background, MemorySegment.NULL));
        } finally {
            call(() -> {
                vips.areaUnref.invokeExact(background);
                return null;
            });
        }
    }

    /** Baseline JPEG, optimized Huffman tables, no metadata (no EXIF, GPS, XMP or ICC: sRGB implied). */
    public byte[] jpeg(int quality) {
        return save("JPEG", (buffer, length) -> (int) vips.jpegsave.invokeExact(pointer, buffer, length,
                arena.allocateFrom("Q"), quality, arena.allocateFrom("strip"), TRUE,
                arena.allocateFrom("optimize_coding"), TRUE, MemorySegment.NULL));
    }

    /** Lossy WebP at libwebp's {@code effort} (0 fastest … 6 smallest), alpha kept, no metadata. */
    public byte[] webp(int quality, int effort) {
        return save("WebP", (buffer, length) -> (int) vips.webpsave.invokeExact(pointer, buffer, length,
                arena.allocateFrom("Q"), quality, arena.allocateFrom("strip"), TRUE,
                arena.allocateFrom("effort"), effort, MemorySegment.NULL));
    }

    /** AVIF (AV1 in HEIF) at the encoder's {@code effort} (0 fastest … 9 smallest), alpha kept, no metadata. */
    public byte[] avif(int quality, int effort) {
        return save("AVIF", (buffer, length) -> (int) vips.heifsave.invokeExact(pointer, buffer, length,
                arena.allocateFrom("Q"), quality, arena.allocateFrom("strip"), TRUE,
                arena.allocateFrom("effort"), effort, arena.allocateFrom("compression"), HEIF_COMPRESSION_AV1,
                MemorySegment.NULL));
    }

    /** Asks a computation on this image, running on another thread, to stop; it then fails. */
    public void kill() {
        call(() -> {
            vips.setKill.invokeExact(pointer, TRUE);
            return null;
        });
    }

    @Override
    public void close() {
        call(() -> {
            vips.unref.invokeExact(pointer);
            return null;
        });
    }

    /** A further reference to the same image, closed on its own. */
    private MemorySegment reference() {
        return call(() -> (MemorySegment) vips.ref.invokeExact(pointer));
    }

    @FunctionalInterface
    private interface Saver {
        int save(MemorySegment buffer, MemorySegment length) throws Throwable;
    }

    private byte[] save(String format, Saver saver) {
        MemorySegment buffer = arena.allocate(ADDRESS);
        MemorySegment length = arena.allocate(JAVA_LONG);
        if (call(() -> saver.save(buffer, length)) != 0) {
            throw new VipsException("could not encode " + format + ": " + vips.lastError());
        }
        MemorySegment encoded = buffer.get(ADDRESS, 0);
        try {
            return encoded.reinterpret(length.get(JAVA_LONG, 0)).toArray(JAVA_BYTE);
        } finally {
            call(() -> {
                vips.gFree.invokeExact(encoded);
                return null;
            });
        }
    }

    /** A libvips operation writing its result to {@code out}, returning 0 on success. */
    @FunctionalInterface
    private interface Operation {
        int run(MemorySegment out) throws Throwable;
    }

    /** The image an operation made, or its refusal with libvips' reason after {@code what}. */
    private static VipsImage made(Libvips vips, Arena arena, String what, Operation operation) {
        MemorySegment out = arena.allocate(ADDRESS);
        if (call(() -> operation.run(out)) != 0) {
            throw new VipsException(what + ": " + vips.lastError());
        }
        return new VipsImage(vips, arena, out.get(ADDRESS, 0));
    }

    @FunctionalInterface
    private interface Downcall<T> {
        T call() throws Throwable;
    }

    /** A call into the library: a method handle's checked Throwable only ever means a binding mistake. */
    private static <T> T call(Downcall<T> downcall) {
        try {
            return downcall.call();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
