package com.renovation.media.variants.imaging.bench;

import com.renovation.media.variants.imaging.SourceFormat;
import com.renovation.media.variants.imaging.vips.Libvips;
import com.renovation.media.variants.imaging.vips.VipsImage;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;

/**
 * AVIF encode time and size of the optimized variant (fit 1200×1200) at each AV1 effort, quality 50: the
 * figures the worker's AVIF effort is chosen by. Not a test. {@code AvifEffortSweep IMAGE.jpg [RUNS]}
 */
public final class AvifEffortSweep {

    /** Efforts 7–9 take 10–40 s for one 1200 px image here: far beyond what a worker can spend. */
    private static final int MAX_EFFORT = 6;

    private AvifEffortSweep() {
    }

    public static void main(String[] args) throws IOException {
        byte[] source = Files.readAllBytes(Path.of(args[0]));
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Libvips vips = Libvips.get();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment bytes = arena.allocate(source.length);
            MemorySegment.copy(source, 0, bytes, JAVA_BYTE, 0, source.length);
            try (VipsImage decoded = VipsImage.load(vips, arena, bytes, SourceFormat.JPEG, 2);
                 VipsImage lazy = decoded.thumbnail(1200, 1200);
                 VipsImage optimized = lazy.inMemory()) {
                optimized.webp(80, 4); // warm the encoders' code
                optimized.avif(50, 1);
                for (int effort = 0; effort <= MAX_EFFORT; effort++) {
                    double[] times = new double[runs];
                    int size = 0;
                    for (int i = 0; i < runs; i++) {
                        long start = System.nanoTime();
                        size = optimized.avif(50, effort).length;
                        times[i] = (System.nanoTime() - start) / 1e6;
                    }
                    Arrays.sort(times);
                    System.out.printf(Locale.ROOT, "avif effort=%d median_ms=%.0f bytes=%d%n", effort, times[runs / 2], size);
                }
            }
        }
    }
}
