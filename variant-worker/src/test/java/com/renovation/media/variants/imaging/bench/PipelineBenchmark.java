package com.renovation.media.variants.imaging.bench;

import com.renovation.media.variants.imaging.ImageProbe;
import com.renovation.media.variants.imaging.ImagingThreads;
import com.renovation.media.variants.imaging.RenderedVariant;
import com.renovation.media.variants.imaging.StandardVariants;
import com.renovation.media.variants.imaging.VariantFormat;
import com.renovation.media.variants.imaging.VariantPipeline;
import com.renovation.media.variants.imaging.VariantPreset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The numbers behind bench/images/run.sh for our side. Not a test; meant for a fresh JVM:
 * <pre>
 *   PipelineBenchmark IMAGE WARMUP RUNS [FORMATS]
 * </pre>
 * renders the standard presets (optimized 1200 px, thumbnail 300×200) in FORMATS (default jpeg,webp) from the
 * file's bytes in memory, as the worker does, and prints one line of "key=value" pairs: the median and first
 * run in ms and each output's size in bytes.
 */
public final class PipelineBenchmark {

    private PipelineBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        byte[] source = Files.readAllBytes(Path.of(args[0]));
        int warmup = Integer.parseInt(args[1]);
        int runs = Integer.parseInt(args[2]);
        List<VariantFormat> formats = Arrays.stream((args.length > 3 ? args[3] : "jpeg,webp").split(","))
                .map(f -> VariantFormat.valueOf(f.strip().toUpperCase(Locale.ROOT))).toList();
        // as the worker renders: one encoder thread beside the rendering one (pinned to one core, they share it)
        ExecutorService encoders = Executors.newSingleThreadExecutor(ImagingThreads.named("imaging-encoder"));
        VariantPipeline pipeline = new VariantPipeline(new ImageProbe(), encoders);

        long start = System.nanoTime();
        List<RenderedVariant> variants = pipeline.render(source, StandardVariants.PRESETS, formats);
        double first = (System.nanoTime() - start) / 1e6;
        for (int i = 0; i < warmup; i++) {
            pipeline.render(source, StandardVariants.PRESETS, formats);
        }
        double[] times = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            variants = pipeline.render(source, StandardVariants.PRESETS, formats);
            times[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(times);
        double median = runs % 2 == 1 ? times[runs / 2] : (times[runs / 2 - 1] + times[runs / 2]) / 2;
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "median_ms=%.1f first_ms=%.1f", median, first));
        for (RenderedVariant variant : variants) {
            VariantPreset preset = variant.preset();
            line.append(' ').append(preset.name()).append('_').append(variant.format().extension())
                    .append("_bytes=").append(variant.bytes().length);
        }
        System.out.println(line);
    }
}
