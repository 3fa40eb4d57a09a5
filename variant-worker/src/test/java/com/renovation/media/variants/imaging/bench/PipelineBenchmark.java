package com.renovation.media.variants.imaging.bench;

import com.renovation.media.variants.imaging.DecodedImage;
import com.renovation.media.variants.imaging.ImageDecoder;
import com.renovation.media.variants.imaging.ImageInfo;
import com.renovation.media.variants.imaging.ImageProbe;
import com.renovation.media.variants.imaging.ImageSize;
import com.renovation.media.variants.imaging.RenderedVariant;
import com.renovation.media.variants.imaging.ResamplingReference;
import com.renovation.media.variants.imaging.ResizeMethod;
import com.renovation.media.variants.imaging.StandardVariants;
import com.renovation.media.variants.imaging.Resizer;
import com.renovation.media.variants.imaging.VariantEncoder;
import com.renovation.media.variants.imaging.VariantFormat;
import com.renovation.media.variants.imaging.VariantPipeline;
import com.renovation.media.variants.imaging.VariantPreset;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The numbers behind bench/images/run.sh. Not a test. Two modes, each meant for a fresh JVM:
 * <pre>
 *   time    IMAGE METHOD WARMUP RUNS   whole variant set (thumbnail+optimized × JPEG+WebP): medians, stages, sizes, peak RSS
 *   quality IMAGE [VIPS_OPTIMIZED.png VIPS_THUMBNAIL.png]   PSNR of each resizer against an ideal Lanczos3
 * </pre>
 * Output lines are "key=value" pairs for the script to tabulate.
 */
public final class PipelineBenchmark {

    private static final List<VariantFormat> FORMATS = List.of(VariantFormat.JPEG, VariantFormat.WEBP);

    private PipelineBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        byte[] source = Files.readAllBytes(Path.of(args[1]));
        switch (args[0]) {
            case "time" -> time(source, ResizeMethod.valueOf(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]));
            case "quality" -> quality(source, args.length > 3 ? new File(args[2]) : null, args.length > 3 ? new File(args[3]) : null);
            default -> throw new IllegalArgumentException("mode must be time or quality");
        }
    }

    private static void time(byte[] source, ResizeMethod method, int warmup, int runs) {
        VariantPipeline pipeline = new VariantPipeline(new ImageProbe(), new ImageDecoder(), method, new VariantEncoder());
        long start = System.nanoTime();
        List<RenderedVariant> variants = pipeline.render(source, StandardVariants.PRESETS, FORMATS);
        double first = millis(start);
        for (int i = 0; i < warmup; i++) {
            pipeline.render(source, StandardVariants.PRESETS, FORMATS);
        }
        double[] totals = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            pipeline.render(source, StandardVariants.PRESETS, FORMATS);
            totals[i] = millis(t);
        }
        Map<String, Double> stages = stages(source, method, runs);

        Map<String, Object> line = new LinkedHashMap<>();
        line.put("method", method);
        line.put("median_ms", median(totals));
        line.put("min_ms", Arrays.stream(totals).min().orElse(0));
        line.put("first_ms", first);
        stages.forEach(line::put);
        for (RenderedVariant v : variants) {
            line.put(v.preset().name() + "_" + v.format().extension() + "_bytes", v.bytes().length);
        }
        line.put("vmhwm_kb", peakRssKb());
        print(line);
    }

    /** The pipeline's steps timed one by one, as VariantPipeline does them. */
    private static Map<String, Double> stages(byte[] source, ResizeMethod method, int runs) {
        ImageProbe probe = new ImageProbe();
        ImageDecoder decoder = new ImageDecoder();
        VariantEncoder encoder = new VariantEncoder();
        Resizer resizer = method.resizer();
        ImageInfo info = probe.probe(source);
        ImageSize optimized = StandardVariants.OPTIMIZED.fit(info.uprightSize());
        ImageSize thumbnail = StandardVariants.THUMBNAIL.fit(info.uprightSize());
        double[][] t = new double[5][runs];
        for (int i = 0; i < runs; i++) {
            long s = System.nanoTime();
            DecodedImage decoded = decoder.decode(source, info, optimized);
            t[0][i] = millis(s);
            s = System.nanoTime();
            BufferedImage big = decoded.orientation().apply(resizer.resize(decoded.stored(), decoded.orientation().stored(optimized)));
            t[1][i] = millis(s);
            s = System.nanoTime();
            BufferedImage small = resizer.resize(big, thumbnail);
            t[2][i] = millis(s);
            s = System.nanoTime();
            encoder.encode(big, VariantFormat.JPEG);
            encoder.encode(small, VariantFormat.JPEG);
            t[3][i] = millis(s);
            s = System.nanoTime();
            encoder.encode(big, VariantFormat.WEBP);
            encoder.encode(small, VariantFormat.WEBP);
            t[4][i] = millis(s);
        }
        Map<String, Double> medians = new LinkedHashMap<>();
        String[] names = {"decode_ms", "resize_optimized_ms", "resize_thumbnail_ms", "encode_jpeg_ms", "encode_webp_ms"};
        for (int i = 0; i < names.length; i++) {
            medians.put(names[i], median(t[i]));
        }
        return medians;
    }

    private static void quality(byte[] source, File vipsOptimized, File vipsThumbnail) throws IOException {
        ImageInfo info = new ImageProbe().probe(source);
        ImageSize optimized = StandardVariants.OPTIMIZED.fit(info.uprightSize());
        ImageSize thumbnail = StandardVariants.THUMBNAIL.fit(info.uprightSize());
        BufferedImage full = ImageDecoder.withoutSubsampling().decode(source, info, optimized).upright();
        BufferedImage referenceOptimized = ResamplingReference.lanczos3(full, optimized);
        BufferedImage referenceThumbnail = ResamplingReference.lanczos3(full, thumbnail);
        DecodedImage subsampled = new ImageDecoder().decode(source, info, optimized);

        Map<String, Supplier<Resizer>> resizers = new LinkedHashMap<>();
        for (ResizeMethod method : ResizeMethod.values()) {
            resizers.put(method.name(), method::resizer);
        }
        for (double headroom : new double[]{1.0, 2.0, 3.0}) { // the shipped BOX_LANCZOS3 uses 1.5
            resizers.put("BOX_LANCZOS3(headroom " + headroom + ")", () -> ResamplingReference.boxLanczos3(headroom));
        }
        for (Map.Entry<String, Supplier<Resizer>> entry : resizers.entrySet()) {
            Resizer resizer = entry.getValue().get();
            // As the pipeline does it: from the (possibly subsampled) decode, thumbnail from the optimized image.
            BufferedImage fromDecode = resizer.resize(subsampled.upright(), optimized);
            BufferedImage thumbFromOptimized = resizer.resize(fromDecode, thumbnail);
            // Without subsampling, and the thumbnail straight from the full image.
            BufferedImage fromFull = resizer.resize(full, optimized);
            BufferedImage thumbFromFull = resizer.resize(full, thumbnail);
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("resizer", entry.getKey());
            line.put("subsampling", subsampled.subsampling());
            line.put("psnr_optimized", psnr(fromDecode, referenceOptimized));
            line.put("psnr_thumbnail", psnr(thumbFromOptimized, referenceThumbnail));
            line.put("psnr_optimized_full_decode", psnr(fromFull, referenceOptimized));
            line.put("psnr_thumbnail_direct", psnr(thumbFromFull, referenceThumbnail));
            line.put("resize_full_decode_ms", timeMedian(() -> resizer.resize(full, optimized), 5));
            print(line);
        }
        for (double headroom : new double[]{2.0, 1.5}) { // forced: the shipped decoder subsamples only above 25 MP
            DecodedImage decoded = new ImageDecoder(1, headroom).decode(source, info, optimized);
            BufferedImage fromDecode = ResizeMethod.BOX_LANCZOS3.resizer().resize(decoded.upright(), optimized);
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("resizer", ResizeMethod.BOX_LANCZOS3 + "(forced subsampled decode, headroom " + headroom + ")");
            line.put("subsampling", decoded.subsampling());
            line.put("psnr_optimized", psnr(fromDecode, referenceOptimized));
            line.put("psnr_thumbnail", psnr(ResizeMethod.BOX_LANCZOS3.resizer().resize(fromDecode, thumbnail), referenceThumbnail));
            print(line);
        }
        if (vipsOptimized != null) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("resizer", "vipsthumbnail");
            line.put("psnr_optimized", psnrIfSameSize(ImageIO.read(vipsOptimized), referenceOptimized));
            line.put("psnr_thumbnail", psnrIfSameSize(ImageIO.read(vipsThumbnail), referenceThumbnail));
            print(line);
        }
    }

    private static Object psnrIfSameSize(BufferedImage image, BufferedImage reference) {
        if (image.getWidth() != reference.getWidth() || image.getHeight() != reference.getHeight()) {
            return "n/a(" + image.getWidth() + "x" + image.getHeight() + ")";
        }
        return psnr(image, reference);
    }

    private static double psnr(BufferedImage a, BufferedImage b) {
        int w = a.getWidth();
        int[] rowA = new int[w];
        int[] rowB = new int[w];
        double sum = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            a.getRGB(0, y, w, 1, rowA, 0, w);
            b.getRGB(0, y, w, 1, rowB, 0, w);
            for (int x = 0; x < w; x++) {
                for (int shift = 0; shift <= 16; shift += 8) {
                    int d = ((rowA[x] >> shift) & 0xFF) - ((rowB[x] >> shift) & 0xFF);
                    sum += d * d;
                }
            }
        }
        double mse = sum / (3.0 * w * a.getHeight());
        return 10 * Math.log10(255.0 * 255.0 / mse);
    }

    private static double timeMedian(Runnable task, int runs) {
        task.run();
        double[] times = new double[runs];
        for (int i = 0; i < runs; i++) {
            long s = System.nanoTime();
            task.run();
            times[i] = millis(s);
        }
        return median(times);
    }

    private static long peakRssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException ignored) {
            // not Linux: no figure
        }
        return -1;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double millis(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e6;
    }

    private static void print(Map<String, Object> line) {
        List<String> parts = new ArrayList<>();
        line.forEach((k, v) -> parts.add(k + "=" + (v instanceof Double d ? String.format(Locale.ROOT, "%.1f", d) : v).toString().replace(' ', '_')));
        System.out.println(String.join(" ", parts));
    }
}
