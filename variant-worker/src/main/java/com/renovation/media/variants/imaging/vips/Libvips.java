package com.renovation.media.variants.imaging.vips;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * libvips, called in-process through the foreign-function API: the same library sharp and imgproxy run on,
 * so a JPEG is decoded already shrunk in the DCT domain and every step streams in strips instead of holding
 * whole rasters. Loaded once per process from {@code PLATFORM_VARIANTS_LIBVIPS_PATH} (the pinned build from
 * {@code @img/sharp-libvips-linux-x64} that {@code ./platform} installs and the worker image ships), else the
 * system's {@code libvips.so.42}.
 *
 * <p>Configured for untrusted input: only the JPEG, PNG and WebP loaders may run (everything else, and all
 * operations libvips marks untrusted, is blocked), no operation cache (no memory kept between images, nothing
 * shared between sources), and one thread per image: the worker's own pool sets how many images run at once.
 */
public final class Libvips {

    /** Environment variable (and system property, for tools) naming the library file. */
    public static final String PATH_VARIABLE = "PLATFORM_VARIANTS_LIBVIPS_PATH";
    static final String SYSTEM_LIBRARY = "libvips.so.42";
    /** Oldest release with vips_block_untrusted_set and vips_operation_block_set. */
    static final int[] MINIMUM_VERSION = {8, 13};

    private static final Linker LINKER = Linker.nativeLinker();

    final MethodHandle errorBuffer;
    final MethodHandle errorClear;
    final MethodHandle jpegload;
    final MethodHandle pngload;
    final MethodHandle webpload;
    final MethodHandle thumbnailImage;
    final MethodHandle copyMemory;
    final MethodHandle width;
    final MethodHandle height;
    final MethodHandle hasAlpha;
    final MethodHandle flatten;
    final MethodHandle arrayDouble;
    final MethodHandle areaUnref;
    final MethodHandle jpegsave;
    final MethodHandle webpsave;
    final MethodHandle heifsave;
    final MethodHandle setKill;
    final MethodHandle black;
    final MethodHandle interpretation;
    final MethodHandle bandFormat;
    final MethodHandle bands;
    final MethodHandle typeOf;
    final MethodHandle iccTransform;
    final MethodHandle cast;
    final MethodHandle copy;
    final MethodHandle gFree;
    final MethodHandle unref;
    final MethodHandle ref;
    private final String version;
    private final String location;
    private volatile Boolean encodesAvif;

    private Libvips(SymbolLookup vips, String location) throws Throwable {
        this.location = location;
        errorBuffer = bind(vips, "vips_error_buffer", FunctionDescriptor.of(ADDRESS));
        errorClear = bind(vips, "vips_error_clear", FunctionDescriptor.ofVoid());
        // int vips_<x>load_buffer(void *buf, size_t len, VipsImage **out, ...) with name/value pairs after out.
        jpegload = variadic(vips, "vips_jpegload_buffer", 3, ADDRESS, JAVA_LONG, ADDRESS,
                ADDRESS, JAVA_INT, ADDRESS, JAVA_INT, ADDRESS, JAVA_INT, ADDRESS);
        pngload = variadic(vips, "vips_pngload_buffer", 3, ADDRESS, JAVA_LONG, ADDRESS,
                ADDRESS, JAVA_INT, ADDRESS, JAVA_INT, ADDRESS);
        webpload = variadic(vips, "vips_webpload_buffer", 3, ADDRESS, JAVA_LONG, ADDRESS,
                ADDRESS, JAVA_DOUBLE, ADDRESS, JAVA_INT, ADDRESS, JAVA_INT, ADDRESS);
        // vips_thumbnail_image(in, &out, width, "height", h, "size", VIPS_SIZE_DOWN, NULL)
        thumbnailImage = variadic(vips, "vips_thumbnail_image", 3, ADDRESS, ADDRESS, JAVA_INT,
                ADDRESS, JAVA_INT, ADDRESS, JAVA_INT, ADDRESS);
        copyMemory = bind(vips, "vips_image_copy_memory", FunctionDescriptor.of(ADDRESS, ADDRESS));
        width = bind(vips, "vips_image_get_width", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        height = bind(vips, "vips_image_get_height", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        hasAlpha = bind(vips, "vips_image_hasalpha", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        // vips_flatten(in, &out, "background", VipsArrayDouble *, NULL)
        flatten = variadic(vips, "vips_flatten", 2, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS);
        arrayDouble = bind(vips, "vips_array_double_new", FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_INT));
        areaUnref = bind(vips, "vips_area_unref", FunctionDescriptor.ofVoid(ADDRESS));
        // vips_<x>save_buffer(in, void **buf, size_t *len, "Q", q, "strip", TRUE, "<option>", value, NULL)
        jpegsave = variadic(vips, "vips_jpegsave_buffer", 3, ADDRESS, ADDRESS, ADDRESS,
                ADDRESS, JAVA_INT, ADDRESS, JAVA_INT, ADDRESS, JAVA_INT, ADDRESS);
        webpsave = variadic(vips, "vips_webpsave_buffer", 3, ADDRESS, ADDRESS, ADDRESS,
                ADDRESS, JAVA_INT, ADDRESS, JAVA_INT, ADDRESS, JAVA_INT, ADDRESS);
        heifsave = variadic(vips, "vips_heifsave_buffer", 3, ADDRESS, ADDRESS, ADDRESS,
                ADDRESS, JAVA_INT, ADDRESS, JAVA_INT, ADDRESS, JAVA_INT, ADDRESS, JAVA_INT, ADDRESS);
        setKill = bind(vips, "vips_image_set_kill", FunctionDescriptor.ofVoid(ADDRESS, JAVA_INT));
        interpretation = bind(vips, "vips_image_get_interpretation", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        bandFormat = bind(vips, "vips_image_get_format", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        bands = bind(vips, "vips_image_get_bands", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        typeOf = bind(vips, "vips_image_get_typeof", FunctionDescriptor.of(JAVA_LONG, ADDRESS, ADDRESS));
        // vips_icc_transform(in, &out, "srgb", "embedded", TRUE, "input_profile", "cmyk", NULL)
        iccTransform = variadic(vips, "vips_icc_transform", 3, ADDRESS, ADDRESS, ADDRESS,
                ADDRESS, JAVA_INT, ADDRESS, ADDRESS, ADDRESS);
        // vips_cast(in, &out, VIPS_FORMAT_UCHAR, "shift", TRUE, NULL)
        cast = variadic(vips, "vips_cast", 3, ADDRESS, ADDRESS, JAVA_INT, ADDRESS, JAVA_INT, ADDRESS);
        // vips_copy(in, &out, "interpretation", VIPS_INTERPRETATION_B_W, NULL)
        copy = variadic(vips, "vips_copy", 2, ADDRESS, ADDRESS, ADDRESS, JAVA_INT, ADDRESS);
        // vips_black(&out, width, height, "bands", 3, NULL)
        black = variadic(vips, "vips_black", 3, ADDRESS, JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT, ADDRESS);
        // glib comes with libvips: the bundled build carries its own copy, the system one links it.
        SymbolLookup glib = vips.find("g_free").isPresent() ? vips
                : SymbolLookup.libraryLookup("libglib-2.0.so.0", Arena.global())
                        .or(SymbolLookup.libraryLookup("libgobject-2.0.so.0", Arena.global()));
        gFree = bind(glib, "g_free", FunctionDescriptor.ofVoid(ADDRESS));
        unref = bind(glib, "g_object_unref", FunctionDescriptor.ofVoid(ADDRESS));
        ref = bind(glib, "g_object_ref", FunctionDescriptor.of(ADDRESS, ADDRESS));

        try (Arena arena = Arena.ofConfined()) {
            if ((int) bind(vips, "vips_init", FunctionDescriptor.of(JAVA_INT, ADDRESS))
                    .invokeExact(arena.allocateFrom("variant-worker")) != 0) {
                throw new IllegalStateException("vips_init failed: " + lastError());
            }
            MethodHandle versionOf = bind(vips, "vips_version", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
            int major = (int) versionOf.invokeExact(0);
            int minor = (int) versionOf.invokeExact(1);
            int micro = (int) versionOf.invokeExact(2);
            version = major + "." + minor + "." + micro;
            if (major < MINIMUM_VERSION[0] || major == MINIMUM_VERSION[0] && minor < MINIMUM_VERSION[1]) {
                throw new IllegalStateException("libvips " + version + " at " + location + " is older than "
                        + MINIMUM_VERSION[0] + "." + MINIMUM_VERSION[1] + ", which can block untrusted loaders");
            }
            bind(vips, "vips_concurrency_set", FunctionDescriptor.ofVoid(JAVA_INT)).invokeExact(1);
            bind(vips, "vips_cache_set_max", FunctionDescriptor.ofVoid(JAVA_INT)).invokeExact(0);
            bind(vips, "vips_block_untrusted_set", FunctionDescriptor.ofVoid(JAVA_INT)).invokeExact(1);
            MethodHandle block = bind(vips, "vips_operation_block_set",
                    FunctionDescriptor.ofVoid(ADDRESS, JAVA_INT));
            block.invokeExact(arena.allocateFrom("VipsForeignLoad"), 1);
            for (String allowed : new String[]{"VipsForeignLoadJpeg", "VipsForeignLoadPng", "VipsForeignLoadWebp"}) {
                block.invokeExact(arena.allocateFrom(allowed), 0);
            }
        }
    }

    /** The process's libvips, loaded and set up on first use. */
    public static Libvips get() {
        return Holder.INSTANCE.orElseThrow(() -> new IllegalStateException(Holder.failure));
    }

    /** Whether libvips could be loaded here; when not, {@link #get()} says why. */
    public static boolean available() {
        return Holder.INSTANCE.isPresent();
    }

    /**
     * Whether this build can write AVIF (libheif with an AV1 encoder; the bundled build has one, a system
     * libvips may not): found out once by encoding a tiny image.
     */
    public boolean encodesAvif() {
        if (encodesAvif == null) {
            try (Arena arena = Arena.ofConfined(); VipsImage tiny = VipsImage.black(this, arena, 16, 16)) {
                encodesAvif = tiny.avif(50, 0).length > 0;
            } catch (VipsException e) {
                encodesAvif = false;
            }
        }
        return encodesAvif;
    }

    /** A small black JPEG made by this library: for warming the decoders and encoders at start. */
    public byte[] sampleJpeg(int width, int height) {
        try (Arena arena = Arena.ofConfined(); VipsImage black = VipsImage.black(this, arena, width, height)) {
            return black.jpeg(80);
        }
    }

    @Override
    public String toString() {
        return "libvips " + version + " (" + location + ")";
    }

    /** The text of libvips' error buffer, which is then cleared; one line. */
    String lastError() {
        try {
            MemorySegment text = (MemorySegment) errorBuffer.invokeExact();
            String message = text.reinterpret(Integer.MAX_VALUE).getString(0).strip().replace('\n', ' ');
            errorClear.invokeExact();
            return message.isEmpty() ? "libvips failed" : message;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private static MethodHandle bind(SymbolLookup lookup, String name, FunctionDescriptor descriptor) {
        MemorySegment symbol = lookup.find(name)
                .orElseThrow(() -> new IllegalStateException("libvips has no " + name));
        return LINKER.downcallHandle(symbol, descriptor);
    }

    /** A C function returning int whose arguments from {@code fixed} on are the variadic name/value list. */
    private static MethodHandle variadic(SymbolLookup lookup, String name, int fixed,
            java.lang.foreign.MemoryLayout... arguments) {
        MemorySegment symbol = lookup.find(name)
                .orElseThrow(() -> new IllegalStateException("libvips has no " + name));
        return LINKER.downcallHandle(symbol, FunctionDescriptor.of(JAVA_INT, arguments),
                Linker.Option.firstVariadicArg(fixed));
    }

    static String configuredLocation() {
        String configured = System.getProperty(PATH_VARIABLE, System.getenv(PATH_VARIABLE));
        return configured == null || configured.isBlank() ? SYSTEM_LIBRARY : configured.strip();
    }

    private static final class Holder {
        static String failure;
        static final Optional<Libvips> INSTANCE = load();

        private static Optional<Libvips> load() {
            String location = configuredLocation();
            try {
                SymbolLookup lookup = location.contains("/")
                        ? SymbolLookup.libraryLookup(Path.of(location), Arena.global())
                        : SymbolLookup.libraryLookup(location, Arena.global());
                return Optional.of(new Libvips(lookup, location));
            } catch (Throwable e) {
                failure = "libvips could not be loaded from " + location
                        + (location.contains("/") && !Files.exists(Path.of(location)) ? " (no such file)" : "")
                        + ": " + e.getMessage() + "; set " + PATH_VARIABLE
                        + " to a libvips 8.13+ library (./platform installs one)";
                return Optional.empty();
            }
        }
    }
}
