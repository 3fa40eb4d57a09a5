package com.renovation.media.variants.imaging.heif;

import com.renovation.media.storage.filetype.HeifMeta;
import com.renovation.media.storage.filetype.ImageHeader;
import com.renovation.media.variants.imaging.ImageRejectedException;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Decodes the primary image of a HEIF file (HEIC, AVIF) into a JPEG (or, with alpha, a PNG) that libvips then
 * renders like an upload. The decoder is Debian's libheif (libde265 for HEVC, dav1d for AV1) through its
 * {@code heif-convert} tool, in a process of its own: the HEVC decoder is a large C++ code base fed hostile
 * bytes, and out of the worker's JVM a crash, a hang or a runaway allocation costs one refused image, never the
 * worker. The process runs under {@code prlimit}: an address-space cap that grows with the pixels the file
 * declares (so a container that lies about its size fails its allocation), a CPU-time cap (ends it even if this
 * JVM dies), an output-file cap and no core dump; and under a wall-clock timeout, after which it is killed. Its
 * directory (the input, the output, its messages) is removed whatever happened.
 *
 * <p>Only the primary image is decoded: {@code heif-convert} writes every top-level image, so every other item is
 * marked hidden in the copy it reads. Its orientation comes from the container (irot, imir, applied by libheif);
 * the EXIF it copies into the output (its orientation tag often unchanged) is removed before libvips sees it.
 */
public final class HeifDecoder {

    private static final Logger LOG = Logger.getLogger(HeifDecoder.class);

    public static final String DEFAULT_COMMAND = "heif-convert";
    /** A 12 MP photo decodes in 1.3 s here, 50 MP (four times the pixels) in proportion: 30 s is a hang or a hostile stream. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    /** JPEG quality of the decoded picture: above what a variant needs (q80 at most 1200 px), far below its cost. */
    static final int INTERMEDIATE_QUALITY = 95;
    /**
     * Address space of a decoder process: what libheif, the codecs and their threads reserve (measured on two
     * CPUs: 51 MB for any small image), with room, plus 10 bytes per declared pixel (measured: 5.2 decoding a
     * 12 MP HEIC to JPEG, 8 to PNG). A 12 MP photo gets 244 MB, the largest image allowed (50 MP) 605 MB.
     */
    public static final long DEFAULT_MEMORY_BASE = 128L * 1024 * 1024;
    static final long MEMORY_PER_PIXEL = 10;
    /** Largest output file: a 16-bit RGBA PNG of the declared pixels (8 bytes each) and its metadata. */
    private static final long OUTPUT_BASE = 64L * 1024 * 1024;
    private static final long OUTPUT_PER_PIXEL = 8;
    /** Decode directories older than this were left by a worker killed mid-decode. */
    private static final Duration STALE = Duration.ofHours(1);
    static final String DIRECTORY_PREFIX = "variant-worker-heif-";
    private static final int MAX_MESSAGE = 200;

    private final Path heifConvert;
    private final Path prlimit;
    private final Duration timeout;
    private final Path workRoot;
    private final long memoryBase;

    /**
     * @param command {@code heif-convert}, by path or by name (searched on PATH)
     * @param timeout wall-clock time after which the decoder process is killed
     * @param workRoot where each decode gets its own directory (the JVM's temp directory by default)
     * @param memoryBase the address space every decode gets beyond its pixels ({@link #DEFAULT_MEMORY_BASE})
     */
    public HeifDecoder(String command, Duration timeout, Path workRoot, long memoryBase) {
        if (timeout.isNegative() || timeout.isZero() || memoryBase <= 0) {
            throw new IllegalArgumentException("the HEIF decoder's timeout and memory must be positive");
        }
        this.heifConvert = executable(command);
        this.prlimit = executable("prlimit");
        this.timeout = timeout;
        this.workRoot = workRoot;
        this.memoryBase = memoryBase;
    }

    public HeifDecoder(String command, Duration timeout) {
        this(command, timeout, Path.of(System.getProperty("java.io.tmpdir")), DEFAULT_MEMORY_BASE);
    }

    /** {@code heif-convert} from PATH, {@link #DEFAULT_TIMEOUT} each, in the JVM's temp directory. */
    public static HeifDecoder withDefaults() {
        return new HeifDecoder(DEFAULT_COMMAND, DEFAULT_TIMEOUT);
    }

    /**
     * Checks that the tools can run (a missing package stops the worker at start, not at the first HEIC) and
     * removes decode directories a killed worker left behind.
     *
     * @return what {@code heif-convert} says its version is
     */
    public String checkAndClean() {
        for (Path tool : List.of(heifConvert, prlimit)) {
            if (!Files.isExecutable(tool)) {
                throw new IllegalStateException(tool + " is missing: HEIC, HEIF and AVIF sources need "
                        + "heif-convert (Debian package libheif-examples) and prlimit (util-linux)");
            }
        }
        removeStaleDirectories();
        return version();
    }

    /**
     * The upright picture of {@code source}'s primary image, as JPEG (PNG when it has an alpha plane), with no
     * EXIF or XMP left. Blocks the calling thread; interrupting it kills the decoder.
     *
     * @param meta what {@code source}'s meta box says, with the declared size already checked against the limit
     * @throws ImageRejectedException the decoder refused the file, failed, ran out of its limits or was interrupted
     */
    public byte[] decode(byte[] source, HeifMeta meta) {
        ImageHeader.Dimensions declared = meta.primarySize().orElseThrow(() -> new IllegalArgumentException(
                "the size must have been checked"));
        long pixels = declared.pixels();
        boolean png = meta.primaryHasAlpha();
        Path directory = null;
        try {
            directory = Files.createTempDirectory(workRoot, DIRECTORY_PREFIX);
            Path input = directory.resolve("source.heif");
            Path output = directory.resolve(png ? "decoded.png" : "decoded.jpg");
            Path messages = directory.resolve("messages.txt");
            Files.write(input, PrimaryImageOnly.of(source, meta));
            long memory = memoryBase + MEMORY_PER_PIXEL * pixels;
            long maxOutput = OUTPUT_BASE + OUTPUT_PER_PIXEL * pixels;
            run(directory, input, output, messages, memory, maxOutput, png);
            long size = Files.size(output);
            if (size > maxOutput) {
                throw new ImageRejectedException("the HEIF decoder wrote more than " + maxOutput + " bytes");
            }
            return WithoutExif.of(Files.readAllBytes(output));
        } catch (IOException e) {
            if (Thread.currentThread().isInterrupted()) { // the render's abort, while a file was written or read
                throw new ImageRejectedException("decoding the HEIF image was interrupted");
            }
            throw new UncheckedIOException("could not decode the HEIF image in " + workRoot, e);
        } finally {
            removeQuietly(directory);
        }
    }

    private void run(Path directory, Path input, Path output, Path messages, long memory, long maxOutput,
            boolean png) throws IOException {
        List<String> command = new ArrayList<>(List.of(prlimit.toString(),
                "--as=" + memory, "--fsize=" + maxOutput, "--cpu=" + cpuSeconds(), "--core=0",
                heifConvert.toString(), "--quiet"));
        if (!png) {
            command.addAll(List.of("-q", Integer.toString(INTERMEDIATE_QUALITY)));
        }
        command.addAll(List.of(input.toString(), output.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(messages.toFile());
        builder.environment().clear();
        builder.environment().put("PATH", "/usr/bin:/bin");
        // glibc would reserve 64 MB of address space per thread for its arenas: the cap is meant for images
        builder.environment().put("MALLOC_ARENA_MAX", "2");
        long started = System.nanoTime();
        Process process = builder.start();
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new ImageRejectedException("decoding the HEIF image took longer than " + readable(timeout));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the render's abort: the pipeline reports its reason
            throw new ImageRejectedException("decoding the HEIF image was interrupted");
        } finally {
            if (process.isAlive()) {
                process.destroyForcibly();
                awaitExit(process);
            }
        }
        int exit = process.exitValue();
        LOG.debugf("heif-convert ended with %d after %d ms (address space %d MB)", exit,
                (System.nanoTime() - started) / 1_000_000, memory >> 20);
        if (exit > 128) {
            throw new ImageRejectedException("the HEIF decoder was stopped by signal " + (exit - 128) + signalName(exit - 128)
                    + " (within " + (memory >> 20) + " MB and " + cpuSeconds() + " s of CPU)");
        }
        if (exit != 0 || !Files.isRegularFile(output)) {
            throw new ImageRejectedException("could not decode the HEIF image: " + firstError(messages)
                    .orElse(exit != 0 ? "heif-convert failed (exit " + exit + ")" : "heif-convert wrote no image"));
        }
    }

    /** After a kill the process ends at once; its directory is removed only then. */
    private static void awaitExit(Process process) {
        boolean interrupted = Thread.interrupted();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            interrupted = true;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** CPU time: a backstop for a decoder outliving this JVM; libheif's HEVC decoder uses a second thread. */
    private long cpuSeconds() {
        return Math.max(1, 2 * (timeout.toMillis() + 999) / 1000);
    }

    private static String signalName(int signal) {
        return switch (signal) {
            case 6 -> " (SIGABRT)";
            case 9 -> " (SIGKILL)";
            case 11 -> " (SIGSEGV)";
            case 24 -> " (SIGXCPU)";
            case 25 -> " (SIGXFSZ)";
            default -> "";
        };
    }

    /** The decoder's first line that is not a warning, printable and short: it goes into variant.failed. */
    private static Optional<String> firstError(Path messages) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(messages)) {
            head = in.readNBytes(4096);
        }
        return new String(head, StandardCharsets.UTF_8).lines().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("Warning:"))
                .map(line -> line.replaceAll("[^\\x20-\\x7E]", "?"))
                .map(line -> line.length() > MAX_MESSAGE ? line.substring(0, MAX_MESSAGE) + "…" : line)
                .findFirst();
    }

    private static String readable(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }

    private String version() {
        try {
            Process process = new ProcessBuilder(heifConvert.toString(), "--help").redirectErrorStream(true).start();
            String text;
            try (InputStream in = process.getInputStream()) {
                text = new String(in.readNBytes(4096), StandardCharsets.UTF_8);
            }
            process.waitFor(10, TimeUnit.SECONDS);
            return text.lines().filter(line -> line.contains("libheif version")).findFirst()
                    .map(line -> line.substring(line.indexOf("libheif version")).strip())
                    .orElse("libheif version unknown");
        } catch (IOException e) {
            throw new IllegalStateException(heifConvert + " could not be run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking " + heifConvert + " its version", e);
        }
    }

    private void removeStaleDirectories() {
        Instant before = Instant.now().minus(STALE);
        try (Stream<Path> entries = Files.list(workRoot)) {
            entries.filter(p -> p.getFileName().toString().startsWith(DIRECTORY_PREFIX))
                    .filter(p -> modified(p).map(t -> t.toInstant().isBefore(before)).orElse(false))
                    .forEach(HeifDecoder::removeQuietly);
        } catch (IOException e) {
            LOG.warnf(e, "could not look for stale HEIF decode directories in %s", workRoot);
        }
    }

    private static Optional<FileTime> modified(Path path) {
        try {
            return Optional.of(Files.getLastModifiedTime(path));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static void removeQuietly(Path directory) {
        if (directory == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            LOG.warnf(e, "could not remove %s", directory);
        }
    }

    /** An absolute command stays as given; a bare name is looked up on PATH, as a shell would. */
    private static Path executable(String command) {
        if (command.contains("/")) {
            return Path.of(command);
        }
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("/usr/bin:/bin");
        for (String directory : (path + ":/usr/bin:/bin").split(":")) {
            Path candidate = Path.of(directory.isEmpty() ? "." : directory, command);
            if (Files.isExecutable(candidate)) {
                return candidate.toAbsolutePath();
            }
        }
        return Path.of("/usr/bin", command); // checkAndClean says it is missing
    }

    @Override
    public String toString() {
        return heifConvert + " under prlimit, " + readable(timeout) + " each";
    }
}
