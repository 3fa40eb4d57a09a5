package com.renovation.media.variants.service;

import com.renovation.media.variants.config.VariantConfig;
import com.renovation.media.variants.imaging.AvifSupport;
import com.renovation.media.variants.imaging.ImageDecoder;
import com.renovation.media.variants.imaging.ImageProbe;
import com.renovation.media.variants.imaging.LibwebpVersion;
import com.renovation.media.variants.imaging.ResizeMethod;
import com.renovation.media.variants.imaging.VariantEncoder;
import com.renovation.media.variants.imaging.VariantFormat;
import com.renovation.media.variants.imaging.VariantPipeline;
import com.renovation.media.variants.imaging.VariantPreset;
import com.renovation.media.variants.imaging.WebPCodecs;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jboss.logging.Logger;

/** The configured presets and formats, and the pipeline that makes them: read once at start. */
@ApplicationScoped
public class VariantPlan {

    private static final Logger LOG = Logger.getLogger(VariantPlan.class);

    private final List<VariantPreset> presets;
    private final List<VariantFormat> formats;
    private final VariantPipeline pipeline;

    public VariantPlan(VariantConfig config) {
        this.presets = config.presets().stream().map(VariantPlan::preset).toList();
        this.formats = config.formats().stream()
                .map(f -> VariantFormat.valueOf(f.strip().toUpperCase(Locale.ROOT)))
                .filter(f -> f != VariantFormat.AVIF || AvifSupport.available())
                .distinct().toList();
        this.pipeline = new VariantPipeline(
                new ImageProbe(config.maxPixels(), config.maxSourceBytes(), config.maxJpegScans()),
                new ImageDecoder(ImageDecoder.DEFAULT_MAX_DECODED_PIXELS, ImageDecoder.DEFAULT_MIN_HEADROOM,
                        config.maxDecodeBytes()), ResizeMethod.valueOf(config.resizeMethod().strip().toUpperCase(Locale.ROOT)),
                new VariantEncoder());
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

    private static VariantPreset preset(String spec) {
        String[] nameAndBox = spec.strip().split(":");
        if (nameAndBox.length != 2) {
            throw new IllegalArgumentException("preset must be name:WIDTHxHEIGHT, not " + spec);
        }
        int[] box = Arrays.stream(nameAndBox[1].split("x")).mapToInt(Integer::parseInt).toArray();
        return new VariantPreset(nameAndBox[0], box[0], box[1]);
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
