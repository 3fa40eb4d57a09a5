package com.renovation.media.variants.imaging.bench;

import com.renovation.media.storage.filetype.HeifMeta;
import com.renovation.media.variants.imaging.ImageProbe;
import com.renovation.media.variants.imaging.RenderedVariant;
import com.renovation.media.variants.imaging.StandardVariants;
import com.renovation.media.variants.imaging.VariantFormat;
import com.renovation.media.variants.imaging.VariantPipeline;
import com.renovation.media.variants.imaging.heif.HeifDecoder;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import javax.imageio.ImageIO;

/**
 * The figures behind the HEIF decoder's choice of intermediate. Not a test; meant for a fresh JVM:
 * <pre>
 *   HeifIntermediateBenchmark IMAGE.heic RUNS
 * </pre>
 * times, as medians of RUNS: the worker's decode (heif-convert under prlimit to JPEG q95, EXIF removed), the same
 * to PNG (lossless) by heif-convert alone, the JPEG and WebP variants made from each, and the whole path from
 * HEIC bytes to variants; and measures what JPEG q95 costs in quality (PSNR against the lossless PNG, full size
 * and as the 1200 px variant).
 */
public final class HeifIntermediateBenchmark {

    private HeifIntermediateBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        byte[] heic = Files.readAllBytes(Path.of(args[0]));
        int runs = Integer.parseInt(args[1]);
        HeifMeta meta = HeifMeta.read(heic);
        HeifDecoder decoder = HeifDecoder.withDefaults();
        VariantPipeline pipeline = new VariantPipeline(new ImageProbe(), decoder);
        List<VariantFormat> web = List.of(VariantFormat.JPEG, VariantFormat.WEBP);

        byte[] jpeg = decoder.decode(heic, meta);
        byte[] png = pngByHeifConvert(heic);
        double decodeJpeg = median(runs, () -> decoder.decode(heic, meta));
        double decodePng = median(runs, () -> pngByHeifConvert(heic));
        double variantsFromJpeg = median(runs, () -> pipeline.render(jpeg, StandardVariants.PRESETS, web));
        double variantsFromPng = median(runs, () -> pipeline.render(png, StandardVariants.PRESETS, web));
        double whole = median(runs, () -> pipeline.render(heic, StandardVariants.PRESETS, web));

        RenderedVariant optimizedFromJpeg = optimizedJpeg(pipeline.render(jpeg, StandardVariants.PRESETS, web));
        RenderedVariant optimizedFromPng = optimizedJpeg(pipeline.render(png, StandardVariants.PRESETS, web));
        System.out.printf(Locale.ROOT, "source=%s size=%dx%d heic_bytes=%d%n", args[0],
                meta.primarySize().orElseThrow().width(), meta.primarySize().orElseThrow().height(), heic.length);
        System.out.printf(Locale.ROOT, "decode_to_jpeg95_ms=%.0f intermediate_bytes=%d variants_ms=%.0f%n",
                decodeJpeg, jpeg.length, variantsFromJpeg);
        System.out.printf(Locale.ROOT, "decode_to_png_ms=%.0f intermediate_bytes=%d variants_ms=%.0f%n",
                decodePng, png.length, variantsFromPng);
        System.out.printf(Locale.ROOT, "heic_to_variants_ms=%.0f (worker path: decode to JPEG q95, then JPEG and WebP of both presets)%n",
                whole);
        System.out.printf(Locale.ROOT, "psnr_intermediate_jpeg95_vs_png_db=%.1f psnr_optimized_variant_db=%.1f%n",
                psnr(read(jpeg), read(png)), psnr(read(optimizedFromJpeg.bytes()), read(optimizedFromPng.bytes())));
    }

    private static RenderedVariant optimizedJpeg(List<RenderedVariant> variants) {
        return variants.stream().filter(v -> v.preset().equals(StandardVariants.OPTIMIZED)
                && v.format() == VariantFormat.JPEG).findFirst().orElseThrow();
    }

    private static byte[] pngByHeifConvert(byte[] heic) {
        try {
            Path directory = Files.createTempDirectory("heif-bench-");
            Path in = directory.resolve("in.heic");
            Path out = directory.resolve("out.png");
            Files.write(in, heic);
            Process process = new ProcessBuilder("heif-convert", "--quiet", in.toString(), out.toString())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            if (process.waitFor() != 0) {
                throw new IllegalStateException("heif-convert failed");
            }
            byte[] png = Files.readAllBytes(out);
            Files.delete(out);
            Files.delete(in);
            Files.delete(directory);
            return png;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double median(int runs, Supplier<?> work) {
        double[] times = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            work.get();
            times[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(times);
        return runs % 2 == 1 ? times[runs / 2] : (times[runs / 2 - 1] + times[runs / 2]) / 2;
    }

    private static BufferedImage read(byte[] bytes) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(bytes));
    }

    /** Over the colour channels of two same-sized images, in dB. */
    private static double psnr(BufferedImage a, BufferedImage b) {
        double sum = 0;
        int w = a.getWidth();
        int[] rowA = new int[w];
        int[] rowB = new int[w];
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
        return mse == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(255.0 * 255.0 / mse);
    }
}
