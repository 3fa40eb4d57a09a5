package com.renovation.media.variants.service;

import com.renovation.media.variants.config.VariantConfig;
import com.renovation.media.variants.imaging.AvifSupport;
import com.renovation.media.variants.imaging.ImageDecoder;
import com.renovation.media.variants.imaging.ImageProbe;
import com.renovation.media.variants.imaging.LibwebpVersion;
import com.renovation.media.variants.imaging.VariantEncoder;
import com.renovation.media.variants.imaging.VariantFormat;
import com.renovation.media.variants.imaging.VariantPipeline;
import com.renovation.media.variants.imaging.VariantPreset;
import com.renovation.media.variants.imaging.WebPCodecs;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/** The configured presets and formats, and the pipeline that makes them: read once at start. */
@ApplicationScoped
public class VariantPlan {

    private static final Logger LOG = Logger.getLogger(VariantPlan.class);

    private final List<VariantPreset> presets;
    private final List<VariantFormat> formats;
    private final VariantPipeline pipeline;

    public VariantPlan(VariantConfig config) {
        this.presets = presets(config.presets());
        this.formats = config.formats().stream()
                .filter(f -> f != VariantFormat.AVIF || AvifSupport.available())
                .distinct().toList();
        this.pipeline = new VariantPipeline(
                new ImageProbe(config.maxPixels(), config.maxSourceBytes(), config.maxJpegScans()),
                new ImageDecoder(ImageDecoder.DEFAULT_MAX_DECODED_PIXELS, ImageDecoder.DEFAULT_MIN_HEADROOM,
                        config.maxDecodeBytes()), config.resizeMethod(), new VariantEncoder());
    }

    /** Largest box first, then by name: the same order on every replica and in every log line. */
    static List<VariantPreset> presets(Map<String, VariantConfig.Box> boxes) {
        if (boxes.isEmpty()) {
            throw new IllegalArgumentException("no variant presets configured (platform.variants.presets.*)");
        }
        return boxes.entrySet().stream()
                .map(e -> new VariantPreset(e.getKey(), e.getValue().maxWidth(), e.getValue().maxHeight()))
                .sorted(Comparator.comparingLong((VariantPreset p) -> (long) p.maxWidth() * p.maxHeight()).reversed()
                        .thenComparing(VariantPreset::name))
                .toList();
    }

    void onStart(@Observes StartupEvent event) {
        LOG.infof("WebP: uploads decoded by %s; variants encoded by %s", WebPCodecs.decoderDescription(),
                WebPCodecs.encoderDescription());
        WebPCodecs.bundledLibwebp().filter(v -> !v.hasCve20234863Fix()).ifPresent(v -> {
            throw new IllegalStateException("the WebP encoder bundles libwebp " + v + ", older than "
                    + LibwebpVersion.CVE_2023_4863_FIXED + " (CVE-2023-4863): refusing to start");
        });
        if (!AvifSupport.available()) {
            LOG.info("AVIF variants skipped: no avifenc on PATH (install libavif-bin to make them)");
        }
        LOG.infof("variants: %s in %s", presets, formats);
    }

    public List<VariantPreset> presets() {
        return presets;
    }

    public List<VariantFormat> formats() {
        return formats;
    }

    /** How many variants one source gets. */
    public int expectedVariants() {
        return presets.size() * formats.size();
    }

    public VariantPipeline pipeline() {
        return pipeline;
    }
}
