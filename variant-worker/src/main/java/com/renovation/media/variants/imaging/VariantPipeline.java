package com.renovation.media.variants.imaging;

import com.renovation.media.variants.imaging.heif.HeifDecoder;
import com.renovation.media.variants.imaging.vips.Libvips;
import com.renovation.media.variants.imaging.vips.VipsException;
import com.renovation.media.variants.imaging.vips.VipsImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;

/**
 * Source bytes in, encoded variants out, through libvips: probe → header (pixel limit) → decode shrunk on
 * load → sRGB → resize the largest preset into memory → encode it per format → make each smaller preset from the
 * largest made image that is comfortably bigger. Stateless and thread-safe. A render runs on the calling thread,
 * but for the largest preset's further formats (its WebP beside its JPEG: the costliest encode of the set),
 * which it hands to {@code encoders} and joins before it returns: with a second core free, a photo's variant set
 * takes the time of its decode and slowest encode rather than of every step in a row.
 *
 * <p>Memory is bounded by design, not by the source's pixel count: the decode streams in strips (a JPEG
 * already scaled down by 2, 4 or 8 in the DCT domain), so a render holds the compressed source, a few strips
 * and the presets it made (at most maxWidth×maxHeight×4 bytes each).
 *
 * <p>A HEIF source (HEIC, AVIF) is first decoded by {@link HeifDecoder} in a process of its own, under its own
 * limits, into an upright JPEG (PNG with alpha), which then takes exactly the way of an uploaded one.
 */
public final class VariantPipeline {

    /** A smaller preset is made from an already-made larger one when that one has at least this many times its pixels per side. */
    static final double MIN_DERIVATION_FACTOR = 2.0;

    private final ImageProbe probe;
    private final Executor encoders;
    private final HeifDecoder heif;

    /** Every step on the calling thread; HEIF decoded with the default limits. */
    public VariantPipeline(ImageProbe probe) {
        this(probe, Runnable::run);
    }

    /** As {@link #VariantPipeline(ImageProbe, Executor, HeifDecoder)} with the default HEIF decoder. */
    public VariantPipeline(ImageProbe probe, Executor encoders) {
        this(probe, encoders, HeifDecoder.withDefaults());
    }

    /** Every step on the calling thread. */
    public VariantPipeline(ImageProbe probe, HeifDecoder heif) {
        this(probe, Runnable::run, heif);
    }

    /** The largest preset's further formats encoded on {@code encoders}, beside the rest of the render. */
    public VariantPipeline(ImageProbe probe, Executor encoders, HeifDecoder heif) {
        this.probe = probe;
        this.encoders = encoders;
        this.heif = heif;
    }

    /** Reads at most the probe's byte limit, so an oversized stream is refused without buffering it whole. */
    public List<RenderedVariant> render(InputStream source, List<VariantPreset> presets, List<VariantFormat> formats) {
        try {
            byte[] bytes = source.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, probe.maxBytes() + 1));
            return render(bytes, presets, formats);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the source image", e);
        }
    }

    /**
     * Every preset in every format, largest preset first.
     *
     * @throws ImageRejectedException the source can never be made into variants
     */
    public List<RenderedVariant> render(byte[] source, List<VariantPreset> presets, List<VariantFormat> formats) {
        return render(source, presets, formats, RenderAbort.never());
    }

    /**
     * As {@link #render(byte[], List, List)}, on the calling thread, giving up at the next step (or strip) once
     * {@code abort} is aborted.
     */
    public List<RenderedVariant> render(byte[] source, List<VariantPreset> presets, List<VariantFormat> formats,
            RenderAbort abort) {
        ImageInfo info = probe.probe(source);
        List<VariantFormat> encodable = formats.stream().distinct().toList();
        if (presets.isEmpty() || encodable.isEmpty()) {
            return List.of();
        }
        if (info.format() == SourceFormat.HEIF) {
            byte[] decoded = decodedHeif(source, info, abort);
            info = probe.probeDecoded(decoded); // a JPEG or PNG now, without EXIF: NORMAL orientation
            source = decoded; // its real size is checked against the limit below, as an upload's
        }
        Libvips vips = Libvips.get();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment bytes = arena.allocate(source.length);
            MemorySegment.copy(source, 0, bytes, JAVA_BYTE, 0, source.length);
            ImageSize upright;
            try (VipsImage header = VipsImage.load(vips, arena, bytes, info.format(), 1)) {
                ImageSize stored = new ImageSize(header.width(), header.height());
                probe.checkPixels(stored);
                upright = info.orientation().upright(stored);
            }
            List<VariantPreset> largestFirst = presets.stream()
                    .sorted(Comparator.comparingLong((VariantPreset p) -> p.fit(upright).pixels()).reversed())
                    .toList();
            return render(new Source(vips, arena, bytes, info.format(), upright), largestFirst, encodable, abort,
                    encoders);
        } catch (VipsException e) {
            abort.check(); // an aborted computation fails in libvips: report the abort's reason
            throw new ImageRejectedException(e.getMessage(), e);
        }
    }

    /** Outside libvips, in the decoder's own process; an abort (the render's deadline) kills it. */
    private byte[] decodedHeif(byte[] source, ImageInfo info, RenderAbort abort) {
        abort.check();
        try {
            return heif.decode(source, info.heif());
        } catch (ImageRejectedException e) {
            abort.check(); // interrupted by the abort: report the abort's reason
            throw e;
        }
    }

    private static List<RenderedVariant> render(Source source, List<VariantPreset> presets,
            List<VariantFormat> formats, RenderAbort abort, Executor encoders) {
        List<VipsImage> made = new ArrayList<>();
        // in the order returned: largest preset first, formats as asked; some still being encoded aside
        List<CompletableFuture<RenderedVariant>> variants = new ArrayList<>();
        try {
            for (VariantPreset preset : presets) {
                abort.check();
                VipsImage image = resized(source, made, preset, abort);
                made.add(image);
                for (int f = 0; f < formats.size(); f++) {
                    VariantFormat format = formats.get(f);
                    if (f > 0 && made.size() == 1) {
                        variants.add(CompletableFuture.supplyAsync(() -> encodedAside(image, preset, format, abort),
                                encoders));
                        continue;
                    }
                    abort.check();
                    abort.computing(image);
                    variants.add(CompletableFuture.completedFuture(encoded(image, preset, format)));
                    abort.computing(null);
                }
            }
            return variants.stream().map(VariantPipeline::joined).toList();
        } finally {
            abort.computing(null);
            // the images stay open until every encode aside is done with them, whatever happened here
            variants.forEach(variant -> variant.exceptionally(ignored -> null).join());
            made.forEach(VipsImage::close);
        }
    }

    private static RenderedVariant encoded(VipsImage image, VariantPreset preset, VariantFormat format) {
        return new RenderedVariant(preset, format, new ImageSize(image.width(), image.height()),
                VariantEncoder.encode(image, format), VariantEncoder.quality(format));
    }

    /** On an encoder thread: its own reference to the image and its own arena for the call's arguments. */
    private static RenderedVariant encodedAside(VipsImage image, VariantPreset preset, VariantFormat format,
            RenderAbort abort) {
        abort.check();
        try (Arena arena = Arena.ofConfined(); VipsImage own = image.referencedIn(arena)) {
            return encoded(own, preset, format);
        }
    }

    /** The variant, or the failure that made it as the render's own (a refusal stays a refusal). */
    private static RenderedVariant joined(CompletableFuture<RenderedVariant> variant) {
        try {
            return variant.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /**
     * In memory: from the smallest already-made image that is still comfortably larger (cheaper, and as good: it
     * was low-passed for a finer grid), else from the source, decoded anew with the shrink this preset allows.
     */
    private static VipsImage resized(Source source, List<VipsImage> made, VariantPreset preset, RenderAbort abort) {
        ImageSize target = preset.fit(source.upright());
        for (int i = made.size() - 1; i >= 0; i--) {
            VipsImage larger = made.get(i);
            if (larger.width() >= target.width() * MIN_DERIVATION_FACTOR
                    && larger.height() >= target.height() * MIN_DERIVATION_FACTOR) {
                try (VipsImage lazy = larger.thumbnail(preset.maxWidth(), preset.maxHeight())) {
                    return computed(lazy, abort);
                }
            }
        }
        int shrink = ShrinkOnLoad.of(source.format(), source.upright(), target);
        try (VipsImage decoded = VipsImage.load(source.vips(), source.arena(), source.bytes(), source.format(), shrink);
             VipsImage srgb = decoded.inSrgb();
             VipsImage lazy = srgb.thumbnail(preset.maxWidth(), preset.maxHeight())) {
            return computed(lazy, abort);
        } catch (VipsException e) {
            throw new ImageRejectedException("corrupt or truncated " + source.format() + " data: " + e.getMessage(), e);
        }
    }

    private static VipsImage computed(VipsImage lazy, RenderAbort abort) {
        abort.computing(lazy);
        try {
            return lazy.inMemory();
        } finally {
            abort.computing(null);
        }
    }

    /** The compressed source in native memory, with what the probe and the header said about it. */
    private record Source(Libvips vips, Arena arena, MemorySegment bytes, SourceFormat format, ImageSize upright) {
    }
}
