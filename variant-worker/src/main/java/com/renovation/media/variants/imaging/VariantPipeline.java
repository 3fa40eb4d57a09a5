package com.renovation.media.variants.imaging;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Source bytes in, encoded variants out: probe → decode once → resize per preset → encode per
 * format. Stateless and thread-safe; no I/O except the optional avifenc subprocess.
 */
public final class VariantPipeline {

    /** A smaller preset is made from an already-made larger one when that one has at least this many times its pixels per side. */
    static final double MIN_DERIVATION_FACTOR = 2.0;

    private final ImageProbe probe;
    private final ImageDecoder decoder;
    private final Resizer resizer;
    private final VariantEncoder encoder;

    public VariantPipeline(ImageProbe probe, ImageDecoder decoder, ResizeMethod method, VariantEncoder encoder) {
        this.probe = probe;
        this.decoder = decoder;
        this.resizer = method.resizer();
        this.encoder = encoder;
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
     * Every preset in every format, largest preset first. AVIF is left out where
     * {@link AvifSupport#available()} is false.
     *
     * @throws ImageRejectedException the source can never be made into variants
     */
    public List<RenderedVariant> render(byte[] source, List<VariantPreset> presets, List<VariantFormat> formats) {
        return render(source, presets, formats, RenderAbort.never());
    }

    /**
     * As {@link #render(byte[], List, List)}, on the calling thread, giving up at the next step once
     * {@code abort} is aborted.
     */
    public List<RenderedVariant> render(byte[] source, List<VariantPreset> presets, List<VariantFormat> formats,
            RenderAbort abort) {
        ImageInfo info = probe.probe(source);
        ImageSize upright = info.uprightSize();
        Map<VariantPreset, ImageSize> targets = new LinkedHashMap<>();
        presets.stream()
                .sorted(Comparator.comparingLong((VariantPreset p) -> p.fit(upright).pixels()).reversed())
                .forEach(p -> targets.put(p, p.fit(upright)));
        List<VariantFormat> encodable = formats.stream()
                .filter(f -> f != VariantFormat.AVIF || AvifSupport.available())
                .distinct().toList();
        if (targets.isEmpty() || encodable.isEmpty()) {
            return List.of();
        }
        DecodedImage decoded = decoder.decode(source, info, targets.values().iterator().next(), abort);

        List<BufferedImage> made = new ArrayList<>();
        List<RenderedVariant> variants = new ArrayList<>();
        for (Map.Entry<VariantPreset, ImageSize> target : targets.entrySet()) {
            abort.check();
            BufferedImage image = resized(decoded, made, target.getValue());
            made.add(image);
            for (VariantFormat format : encodable) {
                abort.check();
                variants.add(new RenderedVariant(target.getKey(), format, target.getValue(),
                        encoder.encode(image, format), encoder.quality(format)));
            }
        }
        return variants;
    }

    /**
     * From the smallest already-made image that is still comfortably larger (cheaper, and as
     * good: it was low-passed for a finer grid); otherwise from the decode, turned upright after
     * resizing.
     */
    private BufferedImage resized(DecodedImage decoded, List<BufferedImage> made, ImageSize target) {
        for (int i = made.size() - 1; i >= 0; i--) {
            BufferedImage larger = made.get(i);
            if (larger.getWidth() == target.width() && larger.getHeight() == target.height()) {
                return larger;
            }
            if (larger.getWidth() >= target.width() * MIN_DERIVATION_FACTOR
                    && larger.getHeight() >= target.height() * MIN_DERIVATION_FACTOR) {
                return resizer.resize(larger, target);
            }
        }
        ImageSize stored = decoded.orientation().stored(target);
        return decoded.orientation().apply(resizer.resize(decoded.stored(), stored));
    }
}
